/**
 * The gate's patterns, compiled from sources computed at build time (`wxt.config.ts` defines
 * `__VENDOR_LENS_GATE__` from `defaultLexicon().gateSources()`), so that a page without a candidate never builds
 * the alias lexicon. Outside a build (unit tests) the engine builds the gate from the lexicon as usual.
 */
import { compileGate } from '../engine/lexicon';
import type { GatePatterns, GateSources } from '../engine/lexicon';

declare const __VENDOR_LENS_GATE__: GateSources | undefined;

let compiled: GatePatterns | undefined;

export function buildTimeGate(): GatePatterns | undefined {
  if (typeof __VENDOR_LENS_GATE__ === 'undefined') return undefined;
  compiled ??= compileGate(__VENDOR_LENS_GATE__);
  return compiled;
}
