/**
 * A notification click stores `local:panelFocus` ({ card, at }); the panel scrolls to that card. The focus is
 * only honoured while fresh, and once per click (remembered in memory), so reopening the panel later does not jump.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { PanelCard } from '../../domain/reminders';
import { panelFocusItem } from '../../storage';
import { useStored } from './useStored';

/**
 * Where each card is in the panel, most specific first (`checklist` is the documents checklist's card, else the
 * appointment).
 */
export const CARD_SELECTORS: Record<PanelCard, readonly string[]> = {
  urgency: ['.headline'],
  window: ['[data-testid="extension-window"]'],
  appointment: ['[data-testid="appointment"]'],
  checklist: ['[data-testid="checklist"]', '#checklist', '[data-testid="appointment"]'],
  lockout: ['[data-testid="lockout"]', '[data-testid="appointment"]'],
  status: ['[data-testid="status-card"]'],
  reminders: ['[data-testid="reminders-card"]'],
};

/** A click older than this is not acted on (the panel was opened some other way later). */
export const FOCUS_FRESH_MS = 2 * 60_000;

export function focusCard(card: PanelCard, root: ParentNode = document): Element | null {
  for (const sel of CARD_SELECTORS[card]) {
    const el = root.querySelector(sel);
    if (el) {
      if (el instanceof HTMLDetailsElement) el.open = true;
      el.scrollIntoView({ block: 'start', behavior: 'smooth' });
      if (el instanceof HTMLElement) {
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
        el.focus({ preventScroll: true });
      }
      return el;
    }
  }
  return null;
}

/** Call once in App, after the cards render (`ready` true): scrolls to the card a notification click asked for. */
export function usePanelFocus(
  ready: boolean,
  /** Show the section holding the card first (the panel has tabs). */
  reveal: (card: PanelCard) => void = () => undefined,
  now: () => number = Date.now,
): void {
  const focus = useStored(panelFocusItem);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || !focus || handled.current === focus.at) return;
    if (now() - Date.parse(focus.at) > FOCUS_FRESH_MS) return;
    handled.current = focus.at;
    reveal(focus.card);
    // Two frames: the revealed section renders, then the card is found and scrolled to.
    requestAnimationFrame(() => requestAnimationFrame(() => focusCard(focus.card)));
  }, [ready, focus, now, reveal]);
}
