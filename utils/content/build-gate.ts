/**
 * The gate's patterns, compiled from sources computed at build time (`wxt.config.ts` defines
 * `__VENDOR_LENS_GATE__` from `defaultLexicon().gateSources()`, and `__VENDOR_LENS_WHOLE_TEXT_GATE__` without
 * the `tolerant` pattern, for the boot), so that a page without a candidate never builds
 * the alias lexicon. Outside a build (unit tests) the engine builds the gate from the lexicon as usual.
 */
import { compileGate, compileWholeTextGate } from '../engine/lexicon';
import type { GatePatterns, GateSources, WholeTextGate } from '../engine/lexicon';

declare const __VENDOR_LENS_GATE__: GateSources | undefined;
declare const __VENDOR_LENS_WHOLE_TEXT_GATE__: Omit<GateSources, 'tolerant' | 'plain'> | undefined;

let compiled: GatePatterns | undefined;
let wholeText: WholeTextGate | undefined;

export function buildTimeGate(): GatePatterns | undefined {
  if (typeof __VENDOR_LENS_GATE__ === 'undefined') return undefined;
  compiled ??= compileGate(__VENDOR_LENS_GATE__);
  return compiled;
}

/**
 * Only the whole-text test's patterns, for the boot: compiling the large `tolerant` pattern costs more than the
 * test itself on most pages, and only the engine's walk needs it.
 */
export function buildTimeWholeTextGate(): WholeTextGate | undefined {
  if (typeof __VENDOR_LENS_WHOLE_TEXT_GATE__ === 'undefined') return undefined;
  wholeText ??= compileWholeTextGate(__VENDOR_LENS_WHOLE_TEXT_GATE__);
  return wholeText;
}
