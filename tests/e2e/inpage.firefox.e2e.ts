import { inPageSuite } from './inpage.shared';

inPageSuite('firefox');
