import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '@/utils/background';

export default defineBackground(() => {
  registerBackground();
});
