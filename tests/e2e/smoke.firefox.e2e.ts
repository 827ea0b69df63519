import { smokeSuite } from './smoke.shared';

smokeSuite('firefox');
