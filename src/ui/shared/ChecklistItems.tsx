import { LIMITS } from '../../domain/limits';
import {
  CONDITION_NOTE,
  LIST_SOURCE,
  progress,
  progressLine,
  type ChecklistItem,
  type ChecklistState,
  type ChecklistView,
} from '../../domain/checklists';
import { isWeakSource } from '../../domain/sources';
import type { Payload } from '../../messaging';
import { useFormat } from './FormatContext';
import { LineList, SourceRefs } from './Lines';
import { sendAndSay } from './refusal';
import { AtLimit } from './AtLimit';

export type ChecklistChange = Payload<'panel:checklistItem'>;
export type OnChecklistChange = (change: ChecklistChange) => void;

/** The panel never writes storage: a tick, an n/a mark or a note goes to the background as a message. */
export const sendChecklistChange: OnChecklistChange = (change) =>
  void sendAndSay('panel:checklistItem', change);

export const NOTE_MAX = LIMITS.checklistNote;

/**
 * Every list item cites the DGMM lists, which are weak as a whole ("versions differ"); the list says so once at
 * the top, so an item shows the ⚠ mark only when it rests on a further weak source of its own.
 */
function weakBeyondList(i: ChecklistItem): boolean {
  return i.sources.some((s) => s !== LIST_SOURCE && isWeakSource(s));
}

/** Extra marks per item id, e.g. how it compares with the portal's list (the text translated; ✓ or ⚑ added here). */
export type ItemMarks = Record<string, { text: string; kind: 'ok' | 'flag' }>;

export function ChecklistProgress({
  view,
  state,
}: {
  view: ChecklistView;
  state: ChecklistState | undefined;
}) {
  const f = useFormat();
  if (view.items.length === 0) return null;
  const p = progress(view.items, state);
  return (
    <p class={`progress${p.complete ? ' complete' : ''}`} data-testid="checklist-progress" aria-live="polite">
      {p.complete && <span aria-hidden="true">✓ </span>}
      {f.line(progressLine(p))}
    </p>
  );
}

/**
 * The items of one checklist with a tick, a "not applicable" mark and a note each, plus the list's notices and
 * progress. Changes go through `onChange` (by default a message to the background).
 */
export function ChecklistItemList(props: {
  personId: string;
  view: ChecklistView;
  state: ChecklistState | undefined;
  onChange?: OnChecklistChange;
  marks?: ItemMarks;
  /** Hide the progress line (when the caller shows it elsewhere). */
  hideProgress?: boolean;
}) {
  const { view, state, personId } = props;
  const onChange = props.onChange ?? sendChecklistChange;
  const change = (itemId: string, patch: Omit<ChecklistChange, 'personId' | 'checklistKey' | 'itemId'>) =>
    onChange({ personId, checklistKey: view.key, itemId, ...patch });
  return (
    <div class="checklist-body">
      <LineList lines={view.notices} class="lines notices" />
      {!props.hideProgress && <ChecklistProgress view={view} state={state} />}
      {view.items.length > 0 && (
        <ul class="checklist-items">
          {view.items.map((i) => (
            <ItemRow
              key={i.id}
              item={i}
              listKey={view.key}
              s={state?.[i.id]}
              mark={props.marks?.[i.id]}
              change={(patch) => change(i.id, patch)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ItemRow(props: {
  item: ChecklistItem;
  listKey: string;
  s: { done: boolean; na: boolean; note: string } | undefined;
  mark?: { text: string; kind: 'ok' | 'flag' };
  change: (patch: { done?: boolean; na?: boolean; note?: string }) => void;
}) {
  const f = useFormat();
  const { item: i, s } = props;
  const title = f.line({ text: i.title });
  const base = `ci-${props.listKey.replace(/[^a-z0-9-]/g, '-')}-${i.id}`;
  const done = s?.done ?? false;
  const na = s?.na ?? false;
  const note = s?.note ?? '';
  return (
    <li
      class={`ci${done && !na ? ' done' : ''}${na ? ' na' : ''}${i.type === 'condition' ? ' condition' : ''}`}
      data-testid={`checklist-item-${i.id}`}
    >
      <div class="ci-row">
        <input
          type="checkbox"
          id={`${base}-done`}
          checked={done && !na}
          disabled={na}
          onChange={(e) => props.change({ done: (e.currentTarget as HTMLInputElement).checked })}
        />
        <label for={`${base}-done`} class="ci-title">
          {title}
        </label>
        <label class="ci-na-label small">
          <input
            type="checkbox"
            checked={na}
            aria-label={f.t('ui_checklist_item_na_label', { title })}
            onChange={(e) => props.change({ na: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {f.t('ui_checklist_item_na')}
        </label>
      </div>
      <p class="ci-explain small">
        {i.type === 'condition' && <span class="muted">{f.line({ text: CONDITION_NOTE })} </span>}
        {f.line({ text: i.explain })}
        {i.onlyIf && <span class="muted"> {f.line({ text: i.onlyIf })}</span>}{' '}
        <SourceRefs ids={i.sources} weak={weakBeyondList(i)} />
      </p>
      {props.mark && (
        <p class={`ci-mark small ${props.mark.kind === 'flag' ? 'flag' : 'muted'}`}>
          <span aria-hidden="true">{props.mark.kind === 'flag' ? '⚑ ' : '✓ '}</span>
          {props.mark.text}
        </p>
      )}
      <details class="ci-note" open={note !== ''}>
        <summary class="small">{f.t(note ? 'ui_checklist_note' : 'ui_checklist_add_note')}</summary>
        <input
          type="text"
          maxLength={NOTE_MAX}
          value={note}
          aria-label={f.t('ui_checklist_note_label', { title })}
          placeholder={f.t('ui_checklist_note_placeholder')}
          onChange={(e) =>
            props.change({ note: (e.currentTarget as HTMLInputElement).value.slice(0, NOTE_MAX) })
          }
        />
        <AtLimit value={note} max={NOTE_MAX} />
      </details>
    </li>
  );
}
