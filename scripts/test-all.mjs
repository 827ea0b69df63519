// `npm test`: every check, in the order a failure is cheapest to find, then one closing line
// `total: N passed, N failed` (unit + e2e tests) so that CI can read the result.
//
// Steps: format check, ESLint, tsc, unit tests, both builds with their store zips, web-ext lint (warnings are errors),
// end-to-end tests in Debian Chromium and Firefox ESR. A failed step fails the run; the e2e step is skipped
// (and counted as failed) when a build failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

const steps = [
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  { name: 'types', cmd: ['npx', 'tsc', '--noEmit'] },
  {
    name: 'unit',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${RESULTS}/unit.json`,
    ],
    report: `${RESULTS}/unit.json`,
  },
  // `wxt zip` builds, then zips: .output/chrome-mv3 + firefox-mv3, and the store zips.
  { name: 'build+zip:chrome', cmd: ['npx', 'wxt', 'zip'], build: true },
  { name: 'build+zip:firefox', cmd: ['npx', 'wxt', 'zip', '-b', 'firefox'], build: true },
  {
    name: 'web-ext lint',
    cmd: [
      'npx',
      'web-ext',
      'lint',
      '--source-dir',
      '.output/firefox-mv3',
      '--warnings-as-errors',
      '--no-input',
    ],
  },
  {
    name: 'e2e',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${RESULTS}/e2e.json`,
    ],
    report: `${RESULTS}/e2e.json`,
    needsBuild: true,
  },
];

function counts(file) {
  if (!file || !existsSync(file)) return null;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: json.numPassedTests ?? 0,
      failed: (json.numFailedTests ?? 0) + (json.numPendingTests ?? 0),
    };
  } catch {
    return null;
  }
}

const summary = [];
let buildFailed = false;
let anyFailed = false;
let passed = 0;
let failed = 0;

for (const step of steps) {
  if (step.needsBuild && buildFailed) {
    summary.push(`${step.name}: skipped (a build failed)`);
    anyFailed = true;
    failed += 1;
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const ok = result.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!ok) {
    anyFailed = true;
    if (step.build) buildFailed = true;
  }
  const c = step.report ? counts(step.report) : null;
  if (step.report) {
    if (c) {
      passed += c.passed;
      failed += c.failed;
    } else if (!ok) {
      failed += 1; // the runner crashed before reporting
    }
  }
  summary.push(
    `${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)${c ? `, ${c.passed} passed, ${c.failed} failed` : ''}`,
  );
}

console.log('\n=== summary');
for (const line of summary) console.log(line);
if (anyFailed && failed === 0) failed = 1; // a failed check that is not a test still fails the run
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(anyFailed ? 1 : 0);
