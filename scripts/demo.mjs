// `npm run demo`: builds Vendor Lens, serves the demo articles on 127.0.0.1 and opens Debian Chromium with the
// built extension loaded on the first one. Close the browser window (or press Ctrl+C) to stop.
//
//   npm run demo                 Chromium (/usr/bin/chromium, or $CHROMIUM_PATH)
//   npm run demo -- --firefox    Firefox ESR through web-ext (/usr/bin/firefox-esr, or $FIREFOX_PATH)
//   npm run demo -- --headless   no window: prints what the popup reports and saves screenshots
//
// Without a display ($DISPLAY / $WAYLAND_DISPLAY unset) the Chromium demo runs headless automatically.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFile, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const args = new Set(process.argv.slice(2));
const firefox = args.has('--firefox');
const headless = args.has('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const DEMO_DIR = resolve('demo');
const FIRST_PAGE = 'securityinfowatch-2020-dod-list.html';

function build() {
  const cmd = ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])];
  console.log(`Building: npx ${cmd.join(' ')}`);
  const result = spawnSync('npx', cmd, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function serve() {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.png': 'image/png' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(DEMO_DIR, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(DEMO_DIR)) return res.writeHead(404).end();
    readFile(file, (err, body) => {
      if (err) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  return new Promise((done) => {
    server.once('error', () => server.listen(0, '127.0.0.1')); // 5175 busy: any free port
    server.listen(5175, '127.0.0.1', () => done(server));
  });
}

async function runChromium(url) {
  const { chromium } = await import('playwright-core');
  const ext = resolve('.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'vendor-lens-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: headless ? { width: 1280, height: 800 } : null,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  if (!headless) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    console.log(`Vendor Lens is loaded in Chromium on ${url}`);
    console.log(
      'Click the Vendor Lens button in the toolbar (pin it from the puzzle-piece menu). Close the window to stop.',
    );
    await new Promise((done) => context.on('close', done));
  } else {
    // No window: the extension opens the demo tab (so we know its id), then we print the report for it.
    const control = context.pages()[0] ?? (await context.newPage());
    await control.goto(`${extOrigin}/options.html`);
    const pagePromise = context.waitForEvent('page');
    const tabId = await control.evaluate((u) => chrome.tabs.create({ url: u }).then((t) => t.id), url);
    const page = await pagePromise;
    await page.waitForLoadState('load');
    // The content script runs at document_idle, after `load`: wait for its highlights before the screenshot
    // (its performance measures are in the page's timeline in Chromium).
    await page
      .waitForFunction(() => performance.getEntriesByName('vendor-lens:highlight').length > 0, null, {
        timeout: 15_000,
      })
      .catch(() => console.log('No highlights were drawn within 15 s.'));
    console.log(`Vendor Lens is loaded in headless Chromium on ${url}`);
    const shots = resolve('test-results/demo');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'page.png') });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`${extOrigin}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('body[data-ready]');
    console.log('\nThe popup reports:\n' + (await popup.innerText('main')));
    await popup.screenshot({ path: join(shots, 'popup.png') });
    console.log(`\nScreenshots: ${shots}/page.png, ${shots}/popup.png`);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

function runFirefox(url) {
  const bin = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  const cmd = ['web-ext', 'run', '--source-dir', '.output/firefox-mv3', '--firefox', bin, '--start-url', url];
  if (headless) cmd.push('--arg=--headless');
  console.log(`Starting Firefox: npx ${cmd.join(' ')}`);
  const child = spawn('npx', cmd, { stdio: 'inherit' });
  return new Promise((done) => child.on('exit', done));
}

build();
const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/${FIRST_PAGE}`;
try {
  if (firefox) await runFirefox(url);
  else await runChromium(url);
} finally {
  server.close();
}
