/**
 * `npm run scan`: spawned with tsx on temporary files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, REPO_ROOT } from '../../fixtures/engine/harness';

const TSX = resolve(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const SCAN = resolve(REPO_ROOT, 'scripts/scan.ts');

function scan(...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, SCAN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vendor-lens-scan-'));
  mkdirSync(join(dir, 'pages/nested'), { recursive: true });
  mkdirSync(join(dir, 'empty'));
  writeFileSync(
    join(dir, 'pages/a.html'),
    '<!doctype html><html><head><title>A page</title></head><body><p>Hik<em>vision</em> and Dahau; Dahua Lin; HiLook.</p></body></html>',
  );
  writeFileSync(join(dir, 'pages/nested/b.htm'), '<html><body><p>Nothing to see.</p></body></html>');
  writeFileSync(join(dir, 'pages/nested/notes.txt'), 'Hikvision');
  writeFileSync(
    join(dir, 'gbk.html'),
    Buffer.concat([
      Buffer.from('<html><head><meta charset="gbk"></head><body><p>'),
      Buffer.from([0xba, 0xa3, 0xbf, 0xb5, 0xcd, 0xfe, 0xca, 0xd3]), // 海康威视 in GBK
      Buffer.from('</p></body></html>'),
    ]),
  );
  writeFileSync(join(dir, 'text.html'), 'just some words, Hikvision, no markup');
  writeFileSync(
    join(dir, 'binary.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );
  writeFileSync(join(dir, 'big.html'), '');
  truncateSync(join(dir, 'big.html'), 50 * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scan CLI', () => {
  it('prints one JSON object per file, scans directories recursively, and reports bad input on stderr', () => {
    const { code, stdout, stderr } = scan(
      '--json',
      join(dir, 'pages'),
      join(dir, 'missing.html'),
      join(dir, 'text.html'),
      join(dir, 'binary.html'),
      join(dir, 'big.html'),
      join(dir, 'empty'),
      join(dir, 'gbk.html'),
    );
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([
      join(dir, 'pages/a.html'),
      join(dir, 'pages/nested/b.htm'),
      join(dir, 'gbk.html'),
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'file',
      'title',
      'siteName',
      'byline',
      'readerable',
      'mentions',
    ]);
    expect(lines[0]).toMatchObject({
      title: 'A page',
      readerable: false,
      mentions: [
        {
          vendor: 'hikvision',
          text: 'Hikvision',
          alias: 'Hikvision',
          match: { kind: 'exact' },
          inArticle: false,
        },
        {
          vendor: 'dahua',
          text: 'Dahau',
          alias: 'Dahua',
          match: { kind: 'fuzzy', distance: 1 },
          inArticle: false,
        },
        {
          vendor: 'hikvision',
          text: 'HiLook',
          alias: 'HiLook',
          match: { kind: 'brand', parent: 'hikvision' },
        },
      ],
    });
    expect(lines[1]).toMatchObject({ mentions: [] });
    expect(lines[2]).toMatchObject({ mentions: [{ vendor: 'hikvision', text: '海康威视' }] });
    const errors = stderr.trim().split('\n');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/missing\.html: no such file or directory$/);
    expect(errors[1]).toMatch(/text\.html: not HTML/);
    expect(errors[2]).toMatch(/binary\.html: binary file/);
    expect(errors[3]).toMatch(/big\.html: file too large \(50\.0 MB; limit 20 MB\)$/);
    expect(errors[4]).toMatch(/empty: directory has no \.html or \.htm files$/);
  }, 90_000);

  it('prints a short table per file and exits 0 when every file scanned', () => {
    const { code, stdout, stderr } = scan(
      join(dir, 'pages/a.html'),
      join(CORPUS_DIR, 'nytimes-1.html'),
      join(CORPUS_DIR, '001.html'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('vendor     text       alias      match');
    expect(stdout).toMatch(/dahua\s+Dahau\s+Dahua\s+fuzzy \(distance 1\)\s+no/);
    expect(stdout).toContain('3 mentions');
    expect(stdout).toContain('title: United States to Lift Sudan Sanctions');
    expect(stdout).toContain('no mentions');
    // Readability's summary (as in the corpus's expected metadata), not the raw <title>.
    expect(stdout).toContain(
      'title: Get your Frontend JavaScript Code Covered | Code | byline: Nicolas Perriault',
    );
  }, 60_000);

  it('prints usage without arguments', () => {
    const { code, stderr } = scan();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: /);
  }, 60_000);
});
