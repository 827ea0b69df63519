import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startEngine } from '@/utils/content/engine';
import type { EngineInit } from '@/utils/content/engine-api';
import { defaultSettings } from '@/utils/settings';

/** The parts of WXT's context the engine uses, on the test's (fake) timers. */
function fakeContext(): ContentScriptContext {
  return {
    isValid: true,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    requestAnimationFrame: (fn: FrameRequestCallback) => requestAnimationFrame(fn),
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler),
  } as unknown as ContentScriptContext;
}

function init(): EngineInit {
  return {
    settings: defaultSettings(),
    site: 'example.org',
    messages: {
      updateBadge: () => Promise.resolve(),
      extractArticle: () => new Promise(() => undefined),
      getVendorCard: () => new Promise(() => undefined),
      openReport: () => Promise.resolve(),
    },
    muteAlias: () => undefined,
    discardOwnMutations: () => undefined,
    observeShadowRoots: () => undefined,
  };
}

describe('startEngine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('leaves its first scan to a task of its own, after the one that started it', async () => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Cameras made by Hikvision were removed from the site.';
    document.body.replaceChildren(paragraph);
    const walks = vi.spyOn(document, 'createTreeWalker');
    const engine = startEngine(fakeContext(), document, window, init(), { cardCss: '', highlightCss: '' });
    // Nothing read in the task that loaded and started the engine: not even the gate's walk.
    expect(walks).not.toHaveBeenCalled();
    expect(engine.report().mentions).toEqual([]);
    expect(engine.report().scanning).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(walks).toHaveBeenCalled();
    expect(engine.report().mentions.map((m) => m.text)).toEqual(['Hikvision']);
    engine.destroy();
    walks.mockRestore();
  });
});
