import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** `../shared` beside the checkout (CI clones main with shared/ beside it); override with VENDOR_LENS_SHARED. */
export const SHARED_DIR = process.env.VENDOR_LENS_SHARED ?? resolve(REPO_ROOT, '../shared');
export const CORPUS_DIR = resolve(SHARED_DIR, 'corpus/pages');
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-results/screenshots');

export const CHROME_BUILD = resolve(REPO_ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(REPO_ROOT, '.output/firefox-mv3');

export function requireBuild(dir: string, command: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`${command}\` first (npm test does).`);
  }
  return dir;
}
