import { optionsSuite } from './options.shared';

optionsSuite('chromium');
