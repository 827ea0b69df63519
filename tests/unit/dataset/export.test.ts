/**
 * `npm run --silent dataset:export` prints the dataset as one JSON object with the documented field names, and
 * refuses (exit 1, errors on stderr) to print an invalid one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../../utils/dataset/index';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]): ReturnType<typeof spawnSync> =>
  spawnSync(tsx, ['scripts/dataset-export.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('dataset export', () => {
  it('prints the whole dataset as pretty JSON with the documented fields', () => {
    const res = run();
    expect(res.status).toBe(0);
    const out = String(res.stdout);
    expect(out.startsWith('{\n  "version": ')).toBe(true);
    const data = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['version', 'asOf', 'vendors', 'actions', 'responses', 'context']);
    const actions = data.actions as Record<string, unknown>[];
    const responses = data.responses as Record<string, unknown>[];
    expect(actions).toHaveLength(getDataset().actions.length);
    for (const a of actions) {
      for (const k of [
        'id',
        'vendors',
        'date',
        'jurisdiction',
        'body',
        'type',
        'status',
        'title',
        'summary',
        'sources',
      ]) {
        expect(a, String(a.id)).toHaveProperty(k);
      }
      for (const s of a.sources as Record<string, unknown>[]) expect(typeof s.url).toBe('string');
    }
    for (const r of responses) {
      for (const k of ['id', 'vendor', 'date', 'respondsTo', 'quote', 'sources'])
        expect(r, String(r.id)).toHaveProperty(k);
    }
    expect(data).toEqual(JSON.parse(JSON.stringify(getDataset())));
  });

  it('exits 1 with errors on stderr for an invalid dataset', () => {
    const broken = structuredClone(getDataset());
    broken.responses[0]!.respondsTo = ['A99'];
    const dir = mkdtempSync(join(tmpdir(), 'vl-export-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const res = run('--input', file);
    expect(res.status).toBe(1);
    expect(String(res.stdout)).toBe('');
    expect(String(res.stderr)).toMatch(/unknown action id "A99"/);
  });
});
