import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  id: K;
  label: string;
  /** A short mark after the label (a count, "!"), announced with it. */
  badge?: string;
  /** What the badge means, for screen readers (the mark itself is hidden from them). */
  badgeLabel?: string;
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs, the panel follows the selection.
 * In right-to-left languages the browser mirrors the layout; arrows follow the visual order.
 */
export function Tabs<K extends string>(props: {
  tabs: TabDef<K>[];
  selected: K;
  onSelect: (id: K) => void;
  children: ComponentChildren;
  label: string;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent) => {
    const i = props.tabs.findIndex((t) => t.id === props.selected);
    const rtl = getComputedStyle(e.currentTarget as Element).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let next: number | null = null;
    if (step) next = (i + step + props.tabs.length) % props.tabs.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = props.tabs.length - 1;
    if (next === null) return;
    e.preventDefault();
    const id = props.tabs[next]!.id;
    props.onSelect(id);
    refs.current[id]?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label} onKeyDown={move}>
        {props.tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === props.selected}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={t.id === props.selected ? 0 : -1}
            onClick={() => props.onSelect(t.id)}
          >
            {t.label}
            {t.badge && (
              <span class="tab-badge">
                {' '}
                <span aria-hidden="true">{t.badge}</span>
                {t.badgeLabel && <span class="sr-only">({t.badgeLabel})</span>}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${props.selected}`} aria-labelledby={`tab-${props.selected}`}>
        {props.children}
      </div>
    </>
  );
}
