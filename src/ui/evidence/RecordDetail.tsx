import { refusalText } from '../shared/refusal';
import { LIMITS } from '../../domain/limits';
import { useEffect, useState } from 'preact/hooks';
import { type EvidenceStore, type ListItem } from '../../evidence/store';
import { send } from '../../messaging';
import { useFormat } from '../shared/FormatContext';
import { AtLimit } from '../shared/AtLimit';

/** The full-size record: image, what was recorded, note editing and deletion (both kept in the chain). */
export function RecordDetail({
  item,
  store,
  onClose,
  onChanged,
}: {
  item: ListItem;
  store: EvidenceStore;
  onClose: () => void;
  onChanged: (text: string) => void;
}) {
  const f = useFormat();
  const r = item.record;
  const seq = String(r.seq);
  const [src, setSrc] = useState<string | null>(null);
  const [note, setNote] = useState(item.note);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    void store.getImage(r.id).then((b) => {
      if (!b) return setErr(f.t('ui_evidence_detail_missing_image'));
      url = URL.createObjectURL(b);
      setSrc(url);
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [r.id, store, f]);
  const saveNote = async (e: Event) => {
    e.preventDefault();
    const res = await send('panel:evidenceNote', {
      id: r.id,
      note: note.trim().slice(0, LIMITS.evidenceNote),
    });
    if (!res.ok) return setErr(refusalText(f, res));
    onChanged(f.t('ui_evidence_detail_note_saved'));
  };
  const remove = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setErr(f.t('ui_evidence_detail_reason_required'));
    const res = await send('panel:evidenceDelete', {
      id: r.id,
      reason: reason.trim().slice(0, LIMITS.evidenceReason),
    });
    if (!res.ok) return setErr(refusalText(f, res));
    onChanged(f.t('ui_evidence_detail_deleted', { seq }));
  };
  const sel = r.reading?.selection;
  return (
    <div
      class="evidence-detail"
      role="dialog"
      aria-modal="true"
      aria-label={f.t('ui_evidence_detail_label', { seq })}
    >
      <p>
        <button type="button" onClick={onClose}>
          {f.t('ui_evidence_detail_close')}
        </button>
      </p>
      {src ? (
        <a href={src} target="_blank" rel="noopener">
          <img class="evidence-full" src={src} alt={f.t('ui_evidence_detail_image_alt', { seq })} />
        </a>
      ) : (
        <p class="muted">{f.t('ui_evidence_detail_loading')}</p>
      )}
      <dl class="evidence-dl">
        <dt>{f.t('ui_evidence_detail_time')}</dt>
        <dd>
          {f.t('ui_evidence_detail_time_value', { istanbul: r.capturedAtIstanbul, utc: r.capturedAtUtc })}
        </dd>
        <dt>{f.t('ui_evidence_detail_page')}</dt>
        <dd>
          {r.title} · <span class="evidence-hash">{r.url}</span>
        </dd>
        {r.reading?.noSlotsText && (
          <>
            <dt>{f.t('ui_evidence_detail_message')}</dt>
            <dd>{r.reading.noSlotsText}</dd>
          </>
        )}
        {sel && (
          <>
            <dt>{f.t('ui_evidence_detail_selection')}</dt>
            <dd>{[sel.province, sel.office, sel.type].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        <dt>{f.t('ui_evidence_detail_person')}</dt>
        <dd>{r.personName}</dd>
        {item.noteEdited && (
          <>
            <dt>{f.t('ui_evidence_detail_original_note')}</dt>
            <dd>{r.note || f.t('ui_evidence_detail_none')}</dd>
          </>
        )}
        <dt>{f.t('ui_evidence_detail_image_hash')}</dt>
        <dd class="evidence-hash">{r.imageSha256}</dd>
        <dt>{f.t('ui_evidence_detail_record_hash')}</dt>
        <dd class="evidence-hash">{r.hash}</dd>
      </dl>
      <form onSubmit={saveNote} class="field">
        <label for="evidence-note">{f.t('ui_evidence_detail_note')}</label>
        <textarea
          id="evidence-note"
          maxLength={LIMITS.evidenceNote}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <AtLimit value={note} max={LIMITS.evidenceNote} />
        <button type="submit">{f.t('ui_evidence_detail_save_note')}</button>
      </form>
      <form onSubmit={remove} class="field">
        <label for="evidence-reason">{f.t('ui_evidence_detail_reason')}</label>
        <input
          id="evidence-reason"
          maxLength={LIMITS.evidenceReason}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <AtLimit value={reason} max={LIMITS.evidenceReason} />
        <button type="submit">{f.t('ui_evidence_detail_delete')}</button>
      </form>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
    </div>
  );
}
