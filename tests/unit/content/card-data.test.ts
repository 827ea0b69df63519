import { describe, expect, it } from 'vitest';
import { cardData } from '@/utils/background/card';
import { getDataset } from '@/utils/dataset';

describe('hover card data', () => {
  const ds = getDataset();

  it('gives a vendor its own counts, newest actions and latest quote', () => {
    const card = cardData(ds, 'hytera');
    expect(card.name).toBe('Hytera');
    expect(card.parentRelation).toBeNull();
    expect(card.actionCount).toBe(20);
    expect(card.latestActions).toHaveLength(2);
    expect(card.responsesOf).toBe('Hytera');
    expect(card.latestQuote?.quote.length).toBeGreaterThan(0);
  });

  it('shows Ezviz through its parent, with whose responses they are', () => {
    const card = cardData(ds, 'ezviz');
    expect(card.parentRelation).toBe('a Hikvision subsidiary');
    expect(card.viaParent).toBe('applies to Hikvision and its subsidiaries and affiliates');
    expect(card.actionCount).toBe(cardData(ds, 'hikvision').actionCount);
    expect(card.responsesOf).toBe('Hikvision');
  });
});
