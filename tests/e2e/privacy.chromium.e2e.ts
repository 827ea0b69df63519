import { privacySuite } from './privacy.shared';

privacySuite('chromium');
