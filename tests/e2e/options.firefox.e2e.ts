import { optionsSuite } from './options.shared';

optionsSuite('firefox');
