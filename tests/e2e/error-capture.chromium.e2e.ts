import { errorCaptureSuite } from './error-capture.shared';

errorCaptureSuite('chromium');
