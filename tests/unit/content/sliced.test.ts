import { describe, expect, it } from 'vitest';
import { runSliced } from '@/utils/content/sliced';
import { scanCore, scanSteps } from '@/utils/engine/scan-core';
import { defaultLexicon } from '@/utils/engine/lexicon';

function* counter(n: number, log: number[]): Generator<void, string, void> {
  for (let i = 0; i < n; i++) {
    log.push(i);
    yield;
  }
  return 'done';
}

describe('runSliced', () => {
  it('runs steps back to back until a slice is used up, then continues in a later task', async () => {
    let clock = 0;
    const log: number[] = [];
    const slices: number[] = [];
    const later: (() => void)[] = [];
    const steps = (function* () {
      const out = yield* counter(10, log);
      return out;
    })();
    const done = runSliced(steps, {
      sliceMs: 3,
      now: () => clock++,
      later: (fn) => {
        slices.push(log.length);
        later.push(fn);
      },
      cancelled: () => false,
    });
    while (later.length > 0) later.shift()!();
    await expect(done).resolves.toBe('done');
    expect(log).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each slice ran a few steps, not all of them.
    expect(slices.length).toBeGreaterThan(2);
  });

  it('does not start a step that would end the slice late: slices of 6 ms steps last 6 ms, not 12', async () => {
    let clock = 0;
    const slices: number[] = [];
    let sliceStart = 0;
    const later: (() => void)[] = [];
    // Each step takes 6 ms of the clock; the slice budget is 10 ms.
    const steps = (function* (): Generator<void, string, void> {
      for (let i = 0; i < 6; i++) {
        clock += 6;
        yield;
      }
      return 'done';
    })();
    const done = runSliced(steps, {
      sliceMs: 10,
      now: () => clock,
      later: (fn) => {
        slices.push(clock - sliceStart);
        later.push(() => {
          sliceStart = clock;
          fn();
        });
      },
      cancelled: () => false,
    });
    while (later.length > 0) later.shift()!();
    await expect(done).resolves.toBe('done');
    // Without the prediction each slice ran two steps, 12 ms against 10.
    expect(slices).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('still runs one step per slice when a step alone is longer than the slice', async () => {
    let clock = 0;
    const later: (() => void)[] = [];
    let ran = 0;
    const steps = (function* (): Generator<void, number, void> {
      for (let i = 0; i < 3; i++) {
        clock += 50;
        ran += 1;
        yield;
      }
      return ran;
    })();
    const done = runSliced(steps, {
      sliceMs: 20,
      now: () => clock,
      later: (fn) => later.push(fn),
      cancelled: () => false,
    });
    expect(ran).toBe(1);
    while (later.length > 0) later.shift()!();
    await expect(done).resolves.toBe(3);
  });

  it("with startLater, runs no step in the caller's task", async () => {
    let ran = 0;
    const later: (() => void)[] = [];
    const steps = (function* (): Generator<void, number, void> {
      ran += 1;
      yield;
      return ran;
    })();
    const done = runSliced(steps, {
      sliceMs: 20,
      now: () => 0,
      later: (fn) => later.push(fn),
      cancelled: () => false,
      startLater: true,
    });
    expect(ran).toBe(0);
    expect(later).toHaveLength(1);
    while (later.length > 0) later.shift()!();
    await expect(done).resolves.toBe(1);
  });

  it('stops between slices when cancelled, and closes the generator', async () => {
    let cancelled = false;
    let finished = false;
    const steps = (function* () {
      try {
        for (;;) yield;
      } finally {
        finished = true;
      }
    })();
    const later: (() => void)[] = [];
    let clock = 0;
    const done = runSliced(steps, {
      sliceMs: 1,
      now: () => (clock += 5),
      later: (fn) => later.push(fn),
      cancelled: () => cancelled,
    });
    cancelled = true;
    later.shift()!();
    await expect(done).resolves.toBeNull();
    expect(finished).toBe(true);
  });

  it('rejects when a step throws', async () => {
    const steps = (function* (): Generator<void, void, void> {
      yield;
      throw new Error('broken step');
    })();
    await expect(
      runSliced(steps, { sliceMs: 100, now: () => 0, later: (fn) => fn(), cancelled: () => false }),
    ).rejects.toThrow('broken step');
  });
});

describe('scanSteps', () => {
  it('finds what scanCore finds, pausing after the gate and each container, and times only the steps', () => {
    const parsed = new DOMParser().parseFromString(
      '<body><p>Cameras by Hikvision were banned.</p><div><p>Hytera radios too.</p></div><p>Nothing here.</p>',
      'text/html',
    );
    document.body.replaceChildren(...parsed.body.childNodes);
    const lexicon = defaultLexicon();
    const sync = scanCore(document, { lexicon, extract: false }, null);
    let clock = 0;
    let pauses = 0;
    const steps = scanSteps(document, { lexicon, extract: false, now: () => clock }, null);
    let result;
    for (;;) {
      clock += 1; // 1 ms of work per step
      const step = steps.next();
      if (step.done) {
        result = step.value;
        break;
      }
      pauses += 1;
      clock += 1000; // a long pause that must not count
    }
    expect(result.mentions.map((m) => m.text)).toEqual(sync.mentions.map((m) => m.text));
    expect(result.mentions.map((m) => m.text)).toEqual(['Hikvision', 'Hytera']);
    // After the gate, then one per container, then before the ranges.
    expect(pauses).toBe(1 + result.stats.containers + 1);
    expect(result.stats.timings.total).toBeLessThan(pauses + 2);
  });
});
