/**
 * The extension's own WXT config with another output folder, so that `npm run bench` builds into
 * `.output/bench/chrome-mv3` and never rewrites `.output/chrome-mv3` under an e2e run or a developer.
 */
import { defineConfig } from 'wxt';
import type { UserConfig } from 'wxt';
import base from '../wxt.config';

export default defineConfig({ ...(base as UserConfig), outDir: '.output/bench' });
