import { inPageSuite } from './inpage.shared';

inPageSuite('chromium');
