/**
 * Where a hostile page's worst heartbeat gap comes from, in Firefox (the counterpart of `bench/stall.ts`): loads a
 * page of the e2e hostile suite several times in Firefox ESR with the built extension (`.output/firefox-mv3`) and
 * the Gecko profiler running from start-up (1 ms samples of each process's main thread, with its markers), finds
 * the page's largest gap between two 10 ms heartbeat ticks, and prints, for the content process that loaded the
 * page, the markers of 2 ms or more around the gap (our `vendor-lens:*` measures, timers, layout, GC) and the
 * samples inside it, grouped by the innermost named frames (native frames are not symbolicated; `PollWrapper`
 * samples are the thread waiting, counted as idle).
 *
 *   npx tsx bench/ff-stall.ts "<case name>" [runs=3] [on|off]
 *
 * `off` puts 127.0.0.1 in the disabled sites first (the content script still runs its boot, as in the e2e
 * suite's baseline). The profile is written when Firefox shuts down, so it is read after the last run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFirefox, startFixtureServer } from '../tests/e2e/harness';
import { hostileCases } from '../tests/e2e/hostile-pages';

const WINDOW_MS = 2500;
const MIN_MARKER_MS = 2;
const PROBE = 'if (measuring && t - last > w.__hb.max) w.__hb.max = t - last;';

interface Gap {
  path: string;
  /** Largest gap, ms, and when it ended (ms since the epoch). */
  max: number;
  at: number;
}

/** The parts of the Gecko profile format read here (tables are arrays of rows, described by a schema). */
interface Table {
  schema: Record<string, number>;
  data: (number | null | Record<string, unknown>)[][];
}
interface GeckoThread {
  name: string;
  processType?: string;
  pid: string | number;
  stringTable: string[];
  markers: Table;
  samples: Table;
  stackTable: Table;
  frameTable: Table;
}
interface GeckoProfile {
  meta: { startTime: number };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

const NATIVE = /^0x[0-9a-f]+$/;

function mainThreads(profile: GeckoProfile): { startTime: number; thread: GeckoThread }[] {
  return (profile.processes ?? []).flatMap((p) =>
    p.threads
      .filter((t) => t.name === 'GeckoMain' && t.processType === 'tab')
      .map((thread) => ({ startTime: p.meta.startTime, thread })),
  );
}

function describeGap(profile: GeckoProfile, gap: Gap): string[] {
  const owner = mainThreads(profile).find(({ thread }) =>
    thread.markers.data.some((row) => JSON.stringify(row).includes(gap.path)),
  );
  if (!owner) return [`(no content process loaded ${gap.path})`];
  const { thread, startTime } = owner;
  const strings = thread.stringTable;
  const end = gap.at - startTime;
  const start = end - gap.max;
  const lines: string[] = [`content process ${thread.pid}; markers from 50 ms before the gap to its end:`];

  const m = thread.markers.schema as Record<'name' | 'startTime' | 'endTime' | 'phase' | 'data', number>;
  const rows: [number, string][] = [];
  for (const row of thread.markers.data) {
    const phase = row[m.phase] as number;
    const from = row[m.startTime] as number | null;
    const to = phase === 0 ? from : (row[m.endTime] as number | null);
    // Instants and complete intervals only (a start or end half has no duration of its own).
    if ((phase !== 0 && phase !== 1) || from === null || to === null) continue;
    if (to < start - 50 || from > end || to - from < MIN_MARKER_MS) continue;
    const data = (row[m.data] ?? {}) as Record<string, unknown>;
    const detail = String(data.name ?? data.eventType ?? '').slice(0, 90);
    rows.push([
      from,
      `  ${(from - start).toFixed(1).padStart(7)} ms  ${(to - from).toFixed(1).padStart(6)} ms  ${strings[row[m.name] as number]} ${detail}`,
    ]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  lines.push(...rows.map(([, line]) => line));

  const s = thread.samples.schema as Record<'stack' | 'time', number>;
  const st = thread.stackTable.schema as Record<'prefix' | 'frame', number>;
  const ft = thread.frameTable.schema as Record<'location', number>;
  const frameName = (frame: number) => {
    const location = thread.frameTable.data[frame]![ft.location];
    return typeof location === 'number' ? strings[location]! : String(location);
  };
  const counts = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const sample of thread.samples.data) {
    const time = sample[s.time] as number;
    if (time < start || time > end) continue;
    total++;
    const names: string[] = [];
    for (
      let i = sample[s.stack] as number | null;
      i !== null;
      i = thread.stackTable.data[i]![st.prefix] as number | null
    )
      names.push(frameName(thread.stackTable.data[i]![st.frame] as number));
    if (names.some((n) => n.includes('PollWrapper'))) {
      idle++;
      continue;
    }
    const named = names.filter((n) => !NATIVE.test(n) && n !== '(root)').slice(0, 4);
    const key = named
      .reverse()
      .map((n) => n.slice(0, 70))
      .join(' > ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  lines.push(`samples inside the gap: ${total}, idle ${idle}; busy, by innermost named frames:`);
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15))
    lines.push(`  ${String(n).padStart(4)}  ${key}`);
  return lines;
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'nesting 5,000 deep';
  const runs = Number(process.argv[3] ?? 3);
  const on = process.argv[4] !== 'off';
  const c = hostileCases().find((x) => x.name === name);
  if (!c) throw new Error(`No hostile page named "${name}"`);
  if (!c.html.includes(PROBE))
    throw new Error("The hostile pages' heartbeat changed: update bench/ff-stall.ts");
  const html = c.html.replace(
    PROBE,
    'if (measuring && t - last > w.__hb.max) { w.__hb.max = t - last; w.__hb.at = performance.timeOrigin + t; }',
  );

  const dir = mkdtempSync(join(tmpdir(), 'vl-ff-stall-'));
  const profilePath = join(dir, 'profile.json');
  // Read by Firefox at start-up; puppeteer passes this process's environment on.
  Object.assign(process.env, {
    MOZ_PROFILER_STARTUP: '1',
    MOZ_PROFILER_STARTUP_INTERVAL: '1',
    MOZ_PROFILER_STARTUP_ENTRIES: '100000000',
    MOZ_PROFILER_STARTUP_FEATURES: 'js,stackwalk',
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    MOZ_PROFILER_SHUTDOWN: profilePath,
  });
  const server = await startFixtureServer();
  const browser = await launchFirefox();
  const gaps: Gap[] = [];
  try {
    await browser.inExtension(
      async (list: string[]) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const { settings } = (await api.storage.local.get('settings')) as { settings?: object };
        await api.storage.local.set({ settings: { ...(settings ?? {}), disabledSites: list } });
      },
      on ? [] : ['127.0.0.1'],
    );
    for (let run = 0; run < runs; run++) {
      const path = `/ff-stall/${on ? 'on' : 'off'}-${run}.html`;
      const { page } = await browser.openTab(server.add(path, html));
      await page.waitFor(
        (ms: number) => {
          const hb = (window as unknown as { __hb: { since: number } }).__hb;
          return hb.since > 0 && performance.now() - hb.since > ms;
        },
        c.windowMs ?? WINDOW_MS,
        60_000,
      );
      const gap = await page.evaluate(
        () => (window as unknown as { __hb: { max: number; at: number } }).__hb,
      );
      gaps.push({ path, max: gap.max, at: gap.at });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as GeckoProfile;
  gaps.forEach((gap, run) => {
    console.log(
      `\n== ${name}, run ${run + 1}, Vendor Lens ${on ? 'on' : 'off'}: worst gap ${gap.max.toFixed(0)} ms`,
    );
    for (const line of describeGap(profile, gap)) console.log(line);
  });
  rmSync(dir, { recursive: true, force: true });
}

void main();
