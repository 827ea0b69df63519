/**
 * `npm run --silent dataset:export` — prints the whole fact dataset as one JSON object
 * `{ version, asOf, vendors, actions, responses, context }` (2-space indent) for researchers to reuse.
 *
 * It validates first: if anything is wrong it prints the errors on stderr and exits 1, so an invalid dataset is
 * never published. `--input <file.json>` exports (and validates) a dataset file instead of the built-in one.
 */
import { readFileSync } from 'node:fs';
import { getDataset } from '../utils/dataset/index';
import { validateDataset } from '../utils/dataset/validate';

function load(argv: readonly string[]): unknown {
  const i = argv.indexOf('--input');
  if (i === -1) return getDataset();
  const file = argv[i + 1];
  if (file === undefined) throw new Error('--input needs a file path');
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function main(): number {
  let data: unknown;
  try {
    data = load(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`dataset-export: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const errors = validateDataset(data);
  if (errors.length > 0) {
    process.stderr.write(`dataset-export: the dataset is invalid (${errors.length} error(s)):\n`);
    for (const e of errors) process.stderr.write(`  - ${e}\n`);
    return 1;
  }
  const d = data as Record<string, unknown>;
  const out = {
    version: d.version,
    asOf: d.asOf,
    vendors: d.vendors,
    actions: d.actions,
    responses: d.responses,
    context: d.context,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
