import { smokeSuite } from './smoke.shared';

smokeSuite('chromium');
