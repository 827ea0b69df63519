/**
 * A fixture server on 127.0.0.1 (random port): corpus pages, e2e fixtures, the demo pages, and pages a test
 * registers in memory. Nothing else is served; the browsers block every request to any other host.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { CORPUS_DIR, REPO_ROOT } from './paths';

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Serve `body` at `path` (e.g. `/t/page.html`) until the server closes; HTML unless `type` says otherwise. */
  add(path: string, body: string, type?: string): string;
  /** Every path requested so far, in order (with its query string). */
  hits(): string[];
  close(): Promise<void>;
}

const ROOTS: Record<string, string> = {
  corpus: CORPUS_DIR,
  fixtures: resolve(REPO_ROOT, 'tests/fixtures/e2e'),
  demo: resolve(REPO_ROOT, 'demo'),
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
};

function fileFor(pathname: string): string | null {
  const [, root, ...rest] = pathname.split('/');
  const base = root ? ROOTS[root] : undefined;
  if (!base || rest.length === 0) return null;
  let relative = decodeURIComponent(rest.join('/'));
  if (root === 'corpus' && !relative.endsWith('.html')) relative += '.html';
  const full = normalize(join(base, relative));
  return full.startsWith(base) ? full : null;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const memory = new Map<string, { body: string; type: string }>();
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const inMemory = memory.get(pathname);
    if (inMemory !== undefined) {
      res.writeHead(200, { 'content-type': inMemory.type, 'cache-control': 'no-store' });
      res.end(inMemory.body);
      return;
    }
    const file = fileFor(pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const ext = file.split('.').pop() ?? '';
        res.writeHead(200, {
          'content-type': TYPES[ext] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    add(path, body, type = TYPES.html ?? 'text/html') {
      memory.set(path, { body, type });
      return origin + path;
    },
    hits: () => [...hits],
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
