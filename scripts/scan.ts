/**
 * Offline scan: runs the mention engine (the same `scanDocument` as the content script) on saved pages.
 *
 *   npm run --silent scan -- [--json] <file.html | directory>...
 *
 * Directories are scanned recursively for `.html` / `.htm` files. Plain output is a short table per file;
 * `--json` prints one JSON object per line per file:
 *   {"file", "title", "siteName", "byline", "readerable",
 *    "mentions": [{"vendor", "text", "alias", "match", "inArticle"}]}
 * where `match` is the engine's `MentionMatch` (`{"kind":"exact"}`, `{"kind":"fuzzy","distance":1}`,
 * `{"kind":"brand","parent":"dahua","brand":"Imou","relation":"brand"}`).
 *
 * Bad input (missing file, not HTML, binary, larger than 20 MB, a directory without HTML) gets a one-line error
 * on stderr; the other files are still scanned and the exit code is 1. Usage errors exit with 2.
 * Pages are parsed with happy-dom with scripts, stylesheets, iframes and navigation disabled. Title, site name and
 * byline come from Readability on every readerable page (offline, cost is no concern), else from `<title>` and
 * `<meta>` tags.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Window } from 'happy-dom';
import { scanDocument } from '../utils/engine/pipeline';
import type { Mention, PageSummary } from '../utils/engine/types';

const MAX_BYTES = 20 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;
const HTML_EXTENSIONS = new Set(['.html', '.htm']);

const USAGE = 'usage: npm run --silent scan -- [--json] <file.html | directory>...';

class InputError extends Error {}

interface Target {
  path: string;
  /** Error found while listing (reported instead of scanning). */
  error?: string;
}

function listHtmlFiles(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links to directories are not followed (no loops); links to files are scanned.
    if (entry.isDirectory()) listHtmlFiles(path, out);
    else if (
      (entry.isFile() || entry.isSymbolicLink()) &&
      HTML_EXTENSIONS.has(extname(entry.name).toLowerCase())
    ) {
      out.push(path);
    }
  }
}

function expand(arg: string): Target[] {
  let stats;
  try {
    stats = statSync(arg);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return [
      {
        path: arg,
        error: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'error'})`,
      },
    ];
  }
  if (stats.isDirectory()) {
    const files: string[] = [];
    try {
      listHtmlFiles(arg, files);
    } catch (error) {
      return [
        { path: arg, error: `cannot list directory (${(error as NodeJS.ErrnoException).code ?? 'error'})` },
      ];
    }
    return files.length > 0
      ? files.map((path) => ({ path }))
      : [{ path: arg, error: 'directory has no .html or .htm files' }];
  }
  if (!stats.isFile()) return [{ path: arg, error: 'not a regular file' }];
  return [{ path: arg }];
}

/** Encoding label from a BOM or a `<meta charset>` in the first 1024 bytes; UTF-8 otherwise. */
function detectEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const ascii = head.subarray(0, 1024).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(ascii);
  const label = meta?.[1]?.toLowerCase();
  if (label !== undefined) {
    try {
      return new TextDecoder(label).encoding;
    } catch {
      return 'utf-8';
    }
  }
  return 'utf-8';
}

/** Reads a file after checking size and content; throws `InputError` with a one-line reason. */
function readHtml(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_BYTES) {
    throw new InputError(
      `file too large (${(size / 1024 / 1024).toFixed(1)} MB; limit ${MAX_BYTES / 1024 / 1024} MB)`,
    );
  }
  if (size === 0) throw new InputError('empty file');
  const fd = openSync(path, 'r');
  let buffer: Buffer;
  try {
    buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    buffer = buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  const encoding = detectEncoding(buffer);
  const sniff = buffer.subarray(0, SNIFF_BYTES);
  if (!encoding.startsWith('utf-16') && sniff.includes(0))
    throw new InputError('binary file (NUL bytes), not HTML');
  const text = new TextDecoder(encoding).decode(buffer);
  if (!/<[a-z!?/]/i.test(text.slice(0, SNIFF_BYTES))) throw new InputError('not HTML (no markup found)');
  return text;
}

const HAPPY_DOM_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
};

interface FileReport {
  file: string;
  title: string | null;
  siteName: string | null;
  byline: string | null;
  readerable: boolean;
  mentions: Pick<Mention, 'vendor' | 'text' | 'alias' | 'match' | 'inArticle'>[];
}

/** Parses and scans one page. The document is adopted into the window's own (happy-dom ranges need that). */
async function scanHtml(file: string, html: string): Promise<FileReport> {
  const window = new Window({ url: 'https://example.org/', settings: HAPPY_DOM_SETTINGS });
  try {
    const parsed = new window.DOMParser().parseFromString(html, 'text/html');
    const document = window.document as unknown as Document;
    const adopted = document.adoptNode(parsed.documentElement as unknown as HTMLElement);
    document.documentElement.remove();
    document.appendChild(adopted);
    const result = scanDocument(document, { summary: 'readability' });
    const summary: PageSummary | null = result.summary;
    return {
      file,
      title: summary?.title ?? null,
      siteName: summary?.siteName ?? null,
      byline: summary?.byline ?? null,
      readerable: summary?.readerable ?? false,
      mentions: result.mentions.map((m) => ({
        vendor: m.vendor,
        text: m.text,
        alias: m.alias,
        match: m.match,
        inArticle: m.inArticle,
      })),
    };
  } finally {
    await window.happyDOM.close();
  }
}

function describeMatch(match: Mention['match']): string {
  switch (match.kind) {
    case 'exact':
      return 'exact';
    case 'fuzzy':
      return `fuzzy (distance ${match.distance})`;
    case 'brand':
      return `brand: ${match.brand} (${match.relation})`;
  }
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function table(report: FileReport): string {
  const lines = [report.file];
  const facts = [
    `title: ${report.title === null ? '—' : oneLine(report.title)}`,
    report.siteName === null ? null : `site: ${oneLine(report.siteName)}`,
    report.byline === null ? null : `byline: ${oneLine(report.byline)}`,
    `readerable: ${report.readerable ? 'yes' : 'no'}`,
  ].filter((x): x is string => x !== null);
  lines.push(`  ${facts.join(' | ')}`);
  if (report.mentions.length === 0) {
    lines.push('  no mentions');
    return lines.join('\n');
  }
  const rows = [
    ['vendor', 'text', 'alias', 'match', 'in article'],
    ...report.mentions.map((m) => [
      m.vendor,
      oneLine(m.text),
      m.alias,
      describeMatch(m.match),
      m.inArticle ? 'yes' : 'no',
    ]),
  ];
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  for (const row of rows) {
    lines.push(
      `  ${row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd()}`,
    );
  }
  lines.push(`  ${report.mentions.length} mention${report.mentions.length === 1 ? '' : 's'}`);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`scan: unknown option ${unknown[0]}\n${USAGE}\n`);
    return 2;
  }
  const args = argv.filter((a) => !a.startsWith('--'));
  if (args.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  let first = true;
  for (const target of args.flatMap(expand)) {
    if (target.error !== undefined) {
      process.stderr.write(`scan: ${target.path}: ${target.error}\n`);
      failed += 1;
      continue;
    }
    try {
      const report = await scanHtml(target.path, readHtml(target.path));
      if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else process.stdout.write(`${first ? '' : '\n'}${table(report)}\n`);
      first = false;
    } catch (error) {
      const reason =
        error instanceof InputError
          ? error.message
          : `cannot scan: ${oneLine(String(error instanceof Error ? error.message : error))}`;
      process.stderr.write(`scan: ${target.path}: ${reason}\n`);
      failed += 1;
    }
  }
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
