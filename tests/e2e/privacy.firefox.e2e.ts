import { privacySuite } from './privacy.shared';

privacySuite('firefox');
