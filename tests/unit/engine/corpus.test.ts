/**
 * The 130 real pages of ../shared/corpus/pages mention no vendor: no false positive, Readability never runs,
 * and the gate stays quiet on almost all of them.
 */
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../../utils/engine/lexicon';
import { corpusPages, scanCorpus } from '../../fixtures/engine/harness';

describe('negative corpus', () => {
  it('has no mention, no Readability run, and few pages past the gate', async () => {
    const pages = corpusPages();
    expect(pages).toHaveLength(130);
    const result = await scanCorpus(defaultLexicon(), pages);
    expect(result.falsePositives).toEqual([]);
    expect(result.readabilityRuns).toEqual([]);
    expect(result.gateHits.length).toBeLessThanOrEqual(Math.ceil(pages.length * 0.03));
  }, 180_000);
});
