import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  APPLICATION_KIND_TEXT,
  APPLICATION_KINDS,
  PERMIT_TYPE_TEXT,
  CHECKLIST_PERMIT_TYPES,
  checklistFor,
  compareWithPortal,
  feeSafety,
  type ApplicationKind,
  type PersonChecklists,
} from '../../domain/checklists';
import type { IsoDate, PermitType } from '../../portal/types';
import {
  ChecklistItemList,
  ChecklistProgress,
  type ItemMarks,
  type OnChecklistChange,
} from '../shared/ChecklistItems';
import { useFormat } from '../shared/FormatContext';
import { LineList } from '../shared/Lines';
import { openPrintable, printChecklist } from '../shared/printChecklist';

export interface ChecklistCardProps {
  personId: string;
  /** Printed on the paper copy only. */
  personName?: string;
  /** `checklistsItem` value for this person (`useStored(checklistsItem)?.[personId]`). */
  ticks: PersonChecklists | undefined;
  /** From the reading: e.g. the e-ikamet extension entry page → `{ kind: 'extension' }`; the permit type read. */
  suggested: { kind?: ApplicationKind; permitType?: PermitType };
  /** The portal's own required-documents list when that page was read (`reading.requiredDocuments`). */
  portalList: string[] | null;
  today: IsoDate;
  /** Open the card; by default it opens itself when there is a suggestion or a portal list. */
  open?: boolean;
  /** The fee-safety notice is shown until dismissed; without a callback there is no dismiss button. */
  feeNoticeDismissed?: boolean;
  onDismissFeeNotice?: () => void;
  /** Defaults to a `panel:checklistItem` message to the background. */
  onChange?: OnChecklistChange;
  /** Defaults to opening the printable document in a new tab. */
  onPrint?: (html: string) => void;
}

/** Without a suggestion: the most common case of this product's users, an extension of a short-term permit. */
const DEFAULT_KIND: ApplicationKind = 'extension';
const DEFAULT_PERMIT: PermitType = 'short-term';

export function ChecklistCard(props: ChecklistCardProps) {
  const f = useFormat();
  const { suggested } = props;
  const [kind, setKind] = useState<ApplicationKind>(suggested.kind ?? DEFAULT_KIND);
  const [permitType, setPermitType] = useState<PermitType>(suggested.permitType ?? DEFAULT_PERMIT);
  const [propertyOwner, setPropertyOwner] = useState(false);
  // A new suggestion (another page read) moves the picker; the user's own choice stays until then.
  useEffect(() => {
    if (suggested.kind) setKind(suggested.kind);
  }, [suggested.kind]);
  useEffect(() => {
    if (suggested.permitType) setPermitType(suggested.permitType);
  }, [suggested.permitType]);

  const checklist = useMemo(
    () => checklistFor(kind, permitType, { propertyOwner }),
    [kind, permitType, propertyOwner],
  );
  const state = props.ticks?.[checklist.key];
  const portalList = props.portalList && props.portalList.length > 0 ? props.portalList : null;
  const comparison = useMemo(
    () => (portalList ? compareWithPortal(checklist.items, portalList) : null),
    [checklist, portalList],
  );
  const marks: ItemMarks = {};
  if (comparison) {
    for (const m of comparison.matched)
      marks[m.item.id] = { text: f.t('ui_checklist_also_on_portal'), kind: 'ok' };
    for (const i of comparison.onlyOurs)
      marks[i.id] = { text: f.t('ui_checklist_not_on_portal_check'), kind: 'flag' };
  }

  const title = f.t('ui_checklist_kind_permit', {
    kind: f.t(APPLICATION_KIND_TEXT[kind]),
    permitType: f.t(PERMIT_TYPE_TEXT[permitType]),
  });
  const fee = feeSafety();
  const print = () => {
    const html = printChecklist(
      {
        title: f.t('ui_checklist_print_title', { title }),
        personName: props.personName,
        today: props.today,
        view: checklist,
        state,
        portalList,
        comparison,
        extra: fee,
      },
      f,
    );
    (props.onPrint ?? ((h: string) => void openPrintable(h)))(html);
  };
  const open =
    props.open ?? (suggested.kind !== undefined || suggested.permitType !== undefined || !!portalList);

  return (
    <details class="card checklist" open={open} data-testid="checklist">
      <summary>
        <h2 id="checklist-title">{f.t('ui_checklist_title')}</h2>{' '}
        <span class="muted small" data-testid="checklist-title">
          {title}
        </span>
      </summary>
      <div class="checklist-pickers" role="group" aria-labelledby="checklist-title">
        <label>
          {f.t('ui_checklist_application')}{' '}
          <select
            data-testid="checklist-kind"
            value={kind}
            onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as ApplicationKind)}
          >
            {APPLICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {f.line({ text: APPLICATION_KIND_TEXT[k] })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.t('ui_checklist_permit_type')}{' '}
          <select
            data-testid="checklist-permit-type"
            value={permitType}
            onChange={(e) => setPermitType((e.currentTarget as HTMLSelectElement).value as PermitType)}
          >
            {CHECKLIST_PERMIT_TYPES.map((t) => (
              <option key={t} value={t}>
                {f.line({ text: PERMIT_TYPE_TEXT[t] })}
              </option>
            ))}
          </select>
        </label>
        {permitType === 'short-term' && (
          <label class="small">
            <input
              type="checkbox"
              checked={propertyOwner}
              data-testid="checklist-property-owner"
              onChange={(e) => setPropertyOwner((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {f.t('ui_checklist_property_owner')}
          </label>
        )}
      </div>

      {!props.feeNoticeDismissed && (
        <aside class="fee-safety" aria-labelledby="fee-title" data-testid="fee-safety">
          <h3 id="fee-title">{f.t('ui_checklist_fee_title')}</h3>
          <LineList lines={fee} />
          {props.onDismissFeeNotice && (
            <button type="button" onClick={props.onDismissFeeNotice}>
              {f.t('ui_checklist_fee_dismiss')}
            </button>
          )}
        </aside>
      )}

      <ChecklistProgress view={checklist} state={state} />
      <ChecklistItemList
        personId={props.personId}
        view={checklist}
        state={state}
        onChange={props.onChange}
        marks={marks}
        hideProgress
      />

      {portalList && comparison && (
        <section class="portal-list" aria-labelledby="portal-list-title" data-testid="portal-list">
          <h3 id="portal-list-title">{f.t('ui_checklist_portal_list_title')}</h3>
          <p class="muted small">{f.t('ui_checklist_portal_list_help')}</p>
          <ul>
            {portalList.map((t, i) => {
              const only = comparison.onlyPortal.includes(t.trim());
              return (
                <li key={`${i}-${t}`} data-testid={only ? 'portal-only' : 'portal-matched'}>
                  {t}
                  {only && (
                    <span class="flag small">
                      {' '}
                      <span aria-hidden="true">⚑ </span>
                      {f.t('ui_checklist_portal_only')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {(comparison.onlyPortal.length > 0 || comparison.onlyOurs.length > 0) && (
            <p class="flag small" data-testid="portal-differences">
              {f.t('ui_checklist_differences', {
                portalOnly: comparison.onlyPortal.length,
                oursOnly: comparison.onlyOurs.length,
              })}
            </p>
          )}
        </section>
      )}

      {checklist.items.length > 0 && (
        <p>
          <button type="button" onClick={print} data-testid="checklist-print">
            {f.t('ui_checklist_print')}
          </button>
        </p>
      )}
    </details>
  );
}
