/**
 * The hover card's shadow root, created on first use only: a page nobody hovers sees no element of ours.
 * Key events do not bubble out of it (WXT `isolateEvents`), so typing in the card never reaches page shortcuts.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard } from '@/components/HoverCard';
import type { HoverCardProps } from '@/components/HoverCard';
import { OWN_UI_ATTR } from '../engine/dom';

export const CARD_HOST_NAME = 'vendor-lens-card';

export interface CardHost {
  show(props: HoverCardProps): Promise<void>;
  hide(): void;
  /** Moves keyboard focus into the card. */
  focus(): void;
  /** Whether an event target (retargeted to the host outside the shadow root) belongs to the card. */
  contains(target: EventTarget | null): boolean;
  isOpen(): boolean;
  destroy(): void;
}

export function createCardHost(ctx: ContentScriptContext, css: string): CardHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let open = false;

  const ensure = () => {
    creating ??= createShadowRootUi<HTMLElement>(ctx, {
      name: CARD_HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css,
      isolateEvents: true,
      onMount(container) {
        const wrapper = document.createElement('div');
        container.append(wrapper);
        return wrapper;
      },
      onRemove(wrapper) {
        if (wrapper) render(null, wrapper);
      },
    }).then((created) => {
      created.shadowHost.setAttribute(OWN_UI_ATTR, '');
      created.mount();
      ui = created;
      return created;
    });
    return creating;
  };

  return {
    async show(props) {
      const created = await ensure();
      if (!created.mounted) return;
      open = true;
      render(<HoverCard {...props} />, created.mounted);
    },
    hide() {
      open = false;
      if (ui?.mounted) render(null, ui.mounted);
    },
    focus() {
      ui?.shadow.querySelector<HTMLElement>('[data-testid="vendor-lens-card"]')?.focus();
    },
    contains(target) {
      return !!ui && (target === ui.shadowHost || (target instanceof Node && ui.shadowHost.contains(target)));
    },
    isOpen: () => open,
    destroy() {
      open = false;
      ui?.remove();
      ui = undefined;
      creating = undefined;
    },
  };
}
