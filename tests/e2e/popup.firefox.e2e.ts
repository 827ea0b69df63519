import { popupSuite } from './popup.shared';

popupSuite('firefox');
