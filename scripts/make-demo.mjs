// Builds the demo pages in demo/ from the two seed articles in ../shared/seeds/ (plain article HTML, kept out
// of the extension zip). Text is escaped; nothing from the seeds is interpreted as markup.
// Run: node scripts/make-demo.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SEEDS = resolve(process.env.VENDOR_LENS_SHARED ?? '../shared', 'seeds');

const ARTICLES = [
  {
    seed: '000_8cfbb768ce58f8fc.txt',
    out: 'ipvm-2016-hikvision-party-committee.html',
    site: 'IPVM',
    original: 'https://ipvm.com/reports/hikvision-communist-party',
    // The seed ends with IPVM's list of citing reports and comments: page chrome, not article.
    articleEnd: '23 reports cite this report:',
  },
  {
    seed: '001_46b8cf47c70123cd.txt',
    out: 'securityinfowatch-2020-dod-list.html',
    site: 'SecurityInfoWatch',
    original:
      'https://www.securityinfowatch.com/video-surveillance/article/21144071/defense-department-names-hikvision-on-list-of-companies-linked-to-chinese-military',
    articleEnd: null,
  },
];

const escape = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Short lines without a final full stop are headings in these plain-text seeds. */
const isHeading = (line) => line.length < 70 && !/[.!?:"”]$/.test(line) && !/^By /.test(line);

function page({ title, site, original, byline, date, body, aside }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | ${escape(site)} (Vendor Lens demo)</title>
<meta property="og:site_name" content="${escape(site)}">
${date ? `<meta property="article:published_time" content="${escape(date)}">` : ''}
<style>
  body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #222; background: #fdfdfb; }
  header.site, footer, aside { font: 14px/1.5 system-ui, sans-serif; color: #555; }
  header.site { border-bottom: 1px solid #ddd; margin-bottom: 1.5rem; padding-bottom: .5rem; }
  aside { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
  @media (prefers-color-scheme: dark) { body { background: #15171b; color: #ddd; } header.site, footer, aside { color: #aaa; } a { color: #9bd; } }
</style>
</head>
<body>
<header class="site"><strong>Vendor Lens demo</strong> · a copy of an article from ${escape(site)} for trying the extension.
<a href="index.html">All demo pages</a></header>
<article>
<h1>${escape(title)}</h1>
${byline ? `<p class="byline">${escape(byline)}</p>` : ''}
${body}
</article>
${aside}
<footer><p>Original: <a href="${escape(original)}">${escape(original)}</a>. Reproduced as a test fixture for Vendor Lens.</p></footer>
</body>
</html>
`;
}

mkdirSync('demo', { recursive: true });
const index = [];
for (const a of ARTICLES) {
  const text = readFileSync(resolve(SEEDS, a.seed), 'utf8');
  let [articleText, asideText] = a.articleEnd ? text.split(a.articleEnd) : [text, ''];
  const lines = articleText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const title = lines.shift();
  let byline = null;
  let date = null;
  if (lines[0]?.startsWith('By ')) {
    byline = lines.shift();
    const m = /Published (\w+ \d+, \d{4})/.exec(byline);
    if (m) date = new Date(`${m[1]} 12:00 UTC`).toISOString().slice(0, 10);
  } else if (/^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(lines[0] ?? '')) {
    const d = lines.shift();
    date = new Date(`${d} 12:00 UTC`).toISOString().slice(0, 10);
    byline = d;
  }
  const body = lines
    .filter((l) => !/^Join IPVM Newsletter\?|^IPVM is the #1 authority/.test(l))
    .map((l) => (isHeading(l) ? `<h2>${escape(l)}</h2>` : `<p>${escape(l)}</p>`))
    .join('\n');
  const asideLines = (asideText ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const aside = asideLines.length
    ? `<aside><h2>${escape(a.articleEnd.replace(/:$/, ''))}</h2><ul>\n${asideLines
        .filter((l) => !/^Comments|^Loading/.test(l))
        .map((l) => `<li>${escape(l)}</li>`)
        .join('\n')}\n</ul></aside>`
    : '';
  writeFileSync(
    `demo/${a.out}`,
    page({ title, site: a.site, original: a.original, byline, date, body, aside }),
  );
  index.push({ title, site: a.site, out: a.out });
  console.log(`wrote demo/${a.out}`);
}

writeFileSync(
  'demo/index.html',
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Vendor Lens demo pages</title>
<style>body { font: 16px/1.6 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
@media (prefers-color-scheme: dark) { body { background: #15171b; color: #ddd; } a { color: #9bd; } }</style></head>
<body>
<h1>Vendor Lens demo pages</h1>
<p>Two articles the project started from, served from this machine. Open one and click the Vendor Lens button in the toolbar.</p>
<ul>
${index.map((i) => `<li><a href="${i.out}">${escape(i.title)}</a> (${escape(i.site)})</li>`).join('\n')}
</ul>
</body>
</html>
`,
);
console.log('wrote demo/index.html');
