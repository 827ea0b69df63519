import { hostileSuite } from './hostile.shared';

hostileSuite('firefox');
