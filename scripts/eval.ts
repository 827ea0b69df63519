/**
 * Accuracy of the mention engine on the labeled corpus and on the real pages of ../shared/corpus/pages.
 *
 *   npm run eval [-- --json] [-- --verbose]
 *
 * Prints precision and recall on the core cases, hard cases separately, per-class scores, false positives on
 * the corpus pages, and how many of them passed the gate. Exits 1 if core precision < 0.99, core recall < 0.98,
 * any corpus page has a mention, or Readability ran on a corpus page.
 */
import { checkReport, runEval } from '../tests/fixtures/engine/harness';
import type { CaseResult, Score } from '../tests/fixtures/engine/harness';

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const line = (label: string, s: Score): string =>
  `${label.padEnd(20)} cases ${String(s.cases).padStart(4)}  tp ${String(s.tp).padStart(4)}  fp ${String(s.fp).padStart(3)}  fn ${String(s.fn).padStart(3)}  precision ${pct(s.precision).padStart(7)}  recall ${pct(s.recall).padStart(7)}`;

function describe(r: CaseResult): string {
  const parts = [`${r.hard ? '[hard] ' : ''}${r.id} (${r.class})`];
  if (r.missing.length > 0)
    parts.push(`missed ${r.missing.map((m) => `${m.vendor}:${JSON.stringify(m.text)}`).join(', ')}`);
  if (r.extra.length > 0)
    parts.push(`extra ${r.extra.map((m) => `${m.vendor}:${JSON.stringify(m.text)}`).join(', ')}`);
  return parts.join(' — ');
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  const report = await runEval();
  const problems = checkReport(report);
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify({ ...report, problems }, null, 2)}\n`);
  } else {
    const out: string[] = [];
    out.push(line('core', report.core));
    out.push(line('hard (separate)', report.hard));
    out.push('');
    for (const [cls, s] of Object.entries(report.byClass)) if (s.cases > 0) out.push(line(`  ${cls}`, s));
    out.push('');
    out.push(`match-kind errors: ${report.kindErrors.length}`);
    for (const e of report.kindErrors) out.push(`  ${e}`);
    out.push(
      `inserted mentions in the article: ${report.articleChecks.expected - report.articleChecks.missed}/${report.articleChecks.expected}`,
    );
    const sc = report.summaryChecks;
    out.push(
      `Readability summary vs corpus metadata (title, byline, site name): ${sc.compared - sc.mismatches.length}/${sc.compared} agree`,
    );
    if (args.has('--verbose')) for (const m of sc.mismatches) out.push(`  ${m}`);
    const core = report.failures.filter((f) => !f.hard);
    const hard = report.failures.filter((f) => f.hard);
    out.push(`core failures: ${core.length}`);
    for (const f of core) out.push(`  ${describe(f)}`);
    out.push(`hard failures: ${hard.length}`);
    for (const f of hard) out.push(`  ${describe(f)}`);
    if (report.corpus !== null) {
      const c = report.corpus;
      out.push('');
      out.push(`corpus pages: ${c.pages}`);
      out.push(`  false positives: ${c.falsePositives.length}`);
      for (const fp of c.falsePositives) out.push(`    ${fp.page}: ${fp.vendor} ${JSON.stringify(fp.text)}`);
      out.push(
        `  pages past the gate: ${c.gateHits.length}/${c.pages} (${pct(c.gateHits.length / c.pages)})${args.has('--verbose') ? ` ${c.gateHits.join(', ')}` : ''}`,
      );
      out.push(`  Readability runs: ${c.readabilityRuns.length}`);
    }
    out.push('');
    out.push(problems.length === 0 ? 'PASS' : `FAIL: ${problems.join('; ')}`);
    out.push(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
