import { registerOffscreen } from '@/utils/extract/offscreen';

registerOffscreen();
