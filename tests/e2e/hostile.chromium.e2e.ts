import { hostileSuite } from './hostile.shared';

hostileSuite('chromium');
