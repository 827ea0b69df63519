import { popupSuite } from './popup.shared';

popupSuite('chromium');
