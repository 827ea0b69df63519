/**
 * Probe extensions for the floor measurements (`eval-floor.ts`, `task-floor.ts`): a Manifest V3 extension in a
 * temporary folder whose only content script is `source`, at `document_idle` on http pages. The caller removes
 * the folder when done.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function probeExtension(name: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vl-probe-${name}-`));
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    // launchBenchContext waits for the extension's service worker.
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content.js'), source);
  return dir;
}
