import { useEffect, useRef, useState } from 'preact/hooks';
import { sayVerbatim } from '../../evidence/report';
import type { ListItem } from '../../evidence/store';
import { pageLabel } from './evidenceText';
import { useFormat } from '../shared/FormatContext';

export interface EvidenceListProps {
  items: ListItem[];
  /** Thumbnail of a record (a Blob from IndexedDB), loaded only while its row is on screen. */
  loadThumb: (id: string) => Promise<Blob | null>;
  onOpen: (item: ListItem) => void;
  /** Called when the user scrolls near the end of what is loaded (load the next page). */
  onNearEnd?: () => void;
  rowHeight?: number;
  height?: number;
}

/** Rows drawn beyond the visible ones, above and below, so fast scrolling shows no gaps. */
const OVERSCAN = 4;

/** A thumbnail that exists only while its row is in the DOM (rows are virtualised: that is "load on visible"). */
function Thumb({ id, load }: { id: string; load: (id: string) => Promise<Blob | null> }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    void load(id)
      .then((b) => {
        if (!live || !b) return;
        url = URL.createObjectURL(b);
        setSrc(url);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, load]);
  return src ? (
    <img class="evidence-thumb" src={src} alt="" width={96} height={60} />
  ) : (
    <span class="evidence-thumb" aria-hidden="true" />
  );
}

/**
 * The evidence log, newest first, virtualised: only the rows in view (plus a few) are in the DOM, so ten thousand
 * records scroll as fast as ten. Rows have a fixed height.
 */
export function EvidenceList({
  items,
  loadThumb,
  onOpen,
  onNearEnd,
  rowHeight = 72,
  height = 360,
}: EvidenceListProps) {
  const f = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  useEffect(() => {
    if (onNearEnd && last >= items.length - OVERSCAN) onNearEnd();
  }, [last, items.length, onNearEnd]);
  const visible = items.slice(first, last);
  return (
    <div
      ref={ref}
      class="evidence-list"
      data-testid="evidence-list"
      role="list"
      aria-label={f.t('ui_evidence_list_label')}
      style={{ height: `${Math.min(height, Math.max(items.length, 1) * rowHeight)}px` }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        {visible.map((it, i) => {
          const r = it.record;
          const message =
            r.reading?.noSlotsText ?? (r.reading?.noSlots ? f.t('ui_evidence_list_no_slots') : '');
          return (
            <div
              key={r.id}
              role="listitem"
              class="evidence-row"
              data-seq={r.seq}
              style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}
            >
              <button
                type="button"
                class="evidence-open"
                onClick={() => onOpen(it)}
                title={f.t('ui_evidence_list_open', { seq: String(r.seq), when: r.capturedAtIstanbul })}
              >
                <Thumb id={r.id} load={loadThumb} />
                <span class="evidence-meta">
                  <span class="evidence-when">
                    #{r.seq} · {r.capturedAtIstanbul.slice(0, 16)}{' '}
                    <span class="muted">{f.t('ui_evidence_list_istanbul')}</span>
                  </span>
                  <span class="muted small">
                    {pageLabel(f, r.reading?.page, r.url)} · {r.personName}
                  </span>
                  {message && <span class="small">{message}</span>}
                  {it.note && (
                    <span class="small muted">
                      {sayVerbatim(
                        f,
                        it.noteEdited ? 'ui_evidence_list_note_edited' : 'ui_evidence_list_note',
                        {},
                        { note: it.note },
                      )}
                    </span>
                  )}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
