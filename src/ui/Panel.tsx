import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ApplicationKind } from '../domain/checklists/types';
import { stayReport } from '../domain/stay';
import type { PageKind } from '../portal/types';
import type { PanelCard } from '../domain/reminders';
import {
  applicationsItem,
  checklistsItem,
  firedRemindersItem,
  reminderSettingsItem,
  scheduledRemindersItem,
  timelineItem,
  factsItem,
  lastReadingItem,
  peopleItem,
  settingsItem,
  stayFor,
  stayItem,
  tabReadingsItem,
  type TabReading,
} from '../storage';
import { AppointmentCard } from './deadlines/AppointmentCard';
import { LockoutCard } from './deadlines/LockoutCard';
import { BackupCard } from './settings/BackupCard';
import { AppointmentDayCard } from './deadlines/AppointmentDayCard';
import { EmergencyChecklist } from './documents/EmergencyChecklist';
import { ChecklistCard } from './documents/ChecklistCard';
import { ConfirmCheckCard } from './frame/ConfirmCheckCard';
import { DangerZone } from './settings/DangerZone';
import { DatesCard } from './deadlines/DatesCard';
import { useFormat } from './shared/FormatContext';
import { EvidenceCard } from './evidence/EvidenceCard';
import { LineText } from './shared/Lines';
import { panelModel } from './model/panelModel';
import { OverstayCard } from './shared/OverstayCard';
import { PeopleBar } from './frame/PeopleBar';
import { RefusalLine } from './frame/RefusalLine';
import { usePanelFocus } from './shared/focus';
import { RemindersCard } from './settings/RemindersCard';
import { StatusCard } from './deadlines/StatusCard';
import { ReadingStrip } from './frame/ReadingStrip';
import { SettingsCard } from './settings/SettingsCard';
import { SourcesCard } from './settings/SourcesCard';
import { rulesReview } from '../domain/review';
import { StayCard } from './stay/StayCard';
import { Tabs, type TabDef } from './frame/Tabs';
import { UrgencyCard } from './deadlines/UrgencyCard';
import { useNow, useStored } from './shared/useStored';
import { OverdueCard } from './deadlines/OverdueCard';
import { WindowCard } from './deadlines/WindowCard';
import { sendAndSay } from './shared/refusal';

import { LanguageMenu } from './frame/LanguageMenu';
import { usePortalTabId } from './shared/usePortalTabId';

type TabId = 'deadlines' | 'documents' | 'evidence' | 'stay' | 'more';

/** Which section holds each card a reminder notification can point to. */
const TAB_OF_CARD: Record<PanelCard, TabId> = {
  urgency: 'deadlines',
  window: 'deadlines',
  appointment: 'deadlines',
  lockout: 'deadlines',
  status: 'deadlines',
  checklist: 'documents',
  reminders: 'more',
};

/** Pages whose reading says which checklist the user needs: the Documents tab opens itself there. */
const CHECKLIST_PAGES: Partial<Record<PageKind, ApplicationKind | null>> = {
  'eikamet-extension-entry': 'extension',
  'eikamet-required-documents': null,
};

/** The panel: the people bar and language menu, the reading strip, the stop-and-check, and the five tabs. */
export function Panel() {
  // Drawn again when a change is refused, so a control shows what is stored, not what was clicked.
  const [, redraw] = useState(0);
  const refused = useCallback(() => redraw((n) => n + 1), []);
  const f = useFormat();
  const people = useStored(peopleItem);
  const facts = useStored(factsItem);
  const settings = useStored(settingsItem);
  const tabReadings = useStored(tabReadingsItem);
  const lastReading = useStored(lastReadingItem);
  const checklists = useStored(checklistsItem);
  const stayAll = useStored(stayItem);
  const timeline = useStored(timelineItem);
  const applications = useStored(applicationsItem);
  const reminderSettings = useStored(reminderSettingsItem);
  const fired = useStored(firedRemindersItem);
  const upcoming = useStored(scheduledRemindersItem);
  const portalTabId = usePortalTabId(lastReading?.tabId ?? null);
  const now = useNow();
  const [datesOpen, setDatesOpen] = useState(false);
  const [tab, setTab] = useState<TabId>('deadlines');

  const besideReading: TabReading | null =
    portalTabId !== null ? (tabReadings?.[String(portalTabId)] ?? null) : null;
  const reading = besideReading ?? lastReading ?? null;
  const page = reading?.reading.page ?? null;

  // The matching checklist opens itself on the pages that say which one is needed (once per page visited), and
  // a "no appointment available" answer beside the panel brings the evidence log forward: capture it now.
  const noSlotsBeside = besideReading?.reading.noSlots ?? false;
  useEffect(() => {
    if (page && page in CHECKLIST_PAGES) setTab('documents');
  }, [page, reading?.reading.url]);
  useEffect(() => {
    if (noSlotsBeside) setTab('evidence');
  }, [noSlotsBeside, besideReading?.reading.url]);

  const model = useMemo(
    () => (people && facts && settings ? panelModel({ people, facts, settings, reading, now }) : null),
    [people, facts, settings, reading, now],
  );
  usePanelFocus(model !== null, (card) => setTab(TAB_OF_CARD[card]));

  if (!model || !settings) {
    return (
      <main class="panel" aria-busy="true">
        <h1>Ikamet Companion</h1>
      </main>
    );
  }

  const personId = model.person.id;
  const ticks = checklists?.[personId];
  const r = reading?.reading ?? null;
  const stay = stayAll ? stayFor(stayAll, personId) : null;
  const visaDaysOver = stay
    ? (stayReport(stay.trips, stay.allowance, model.today).result?.current?.daysOver ?? 0)
    : 0;
  const confirming = r?.step === 'confirmation';
  // A year after the last review of the rules as a whole, every tab's footer says they may be out of date.
  const rulesStale = rulesReview(model.today).warning;
  const missed = model.appointment?.attended === 'no';

  const openDates = () => {
    setTab('deadlines');
    setDatesOpen(true);
    requestAnimationFrame(() => document.getElementById('permit-end')?.focus());
  };

  const tabs: TabDef<TabId>[] = [
    {
      id: 'deadlines',
      label: f.t('ui_tab_deadlines'),
      ...(model.topWarning ? { badge: '!', badgeLabel: f.t('ui_tab_badge_attention') } : {}),
    },
    { id: 'documents', label: f.t('ui_tab_documents') },
    {
      id: 'evidence',
      label: f.t('ui_tab_evidence'),
      ...(noSlotsBeside ? { badge: '●', badgeLabel: f.t('ui_tab_badge_noslots') } : {}),
    },
    {
      id: 'stay',
      label: f.t('ui_tab_stay'),
      ...(visaDaysOver > 0 ? { badge: '!', badgeLabel: f.t('ui_tab_badge_attention') } : {}),
    },
    { id: 'more', label: f.t('ui_tab_more') },
  ];

  return (
    <main class="panel">
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" width={20} height={20} /> Ikamet Companion
        </h1>
        <PeopleBar people={model.people} activeId={personId} />
        <LanguageMenu setting={settings.language ?? 'auto'} />
      </header>
      <ReadingStrip m={model} besidePortal={besideReading !== null} />
      <RefusalLine onShown={refused} />
      {model.topWarning && (
        <p class="top-warning" role="alert" data-testid="top-warning">
          <strong>
            <span aria-hidden="true">⚠</span> {f.t('ui_top_warning_lead')}{' '}
          </strong>
          <LineText line={model.topWarning} />
        </p>
      )}
      {confirming && r && (
        <ConfirmCheckCard
          personId={personId}
          appointment={
            r.appointment ??
            (r.selection
              ? { type: r.selection.type, office: r.selection.office, date: null, time: null }
              : null)
          }
          province={r.selection?.province ?? null}
          permitEnd={model.end?.value ?? null}
          today={model.today}
          lockoutDays={settings.lockoutDays}
          warnDays={settings.lockoutWarnDays}
          ticks={ticks}
        />
      )}
      <Tabs tabs={tabs} selected={tab} onSelect={setTab} label={f.t('ui_app_tabs_label')}>
        {tab === 'deadlines' && (
          <>
            <UrgencyCard u={model.urgency} end={model.end} today={model.today} onEnterEnd={openDates} />
            {model.overdue && <OverdueCard o={model.overdue} />}
            {model.overdue && (
              <OverstayCard daysOver={model.overdue.daysOver} kind="permit" today={model.today} />
            )}
            {model.window && <WindowCard w={model.window} />}
            <StatusCard
              personId={personId}
              facts={model.facts}
              timeline={timeline?.[personId] ?? []}
              application={applications?.[personId]}
              today={model.today}
            />
            <AppointmentDayCard
              personId={personId}
              appointment={model.appointment?.obs.value ?? null}
              today={model.today}
              ticks={ticks}
            />
            <AppointmentCard
              a={model.appointment}
              pending={model.appointmentPending}
              personId={personId}
              today={model.today}
            />
            {missed && <EmergencyChecklist personId={personId} ticks={ticks} today={model.today} open />}
            <LockoutCard l={model.lockout} />
            <DatesCard
              personId={personId}
              end={model.end}
              endConflicts={model.endConflicts}
              today={model.today}
              open={datesOpen || model.endConflicts.length > 0}
            />
          </>
        )}
        {tab === 'documents' && (
          <>
            <ChecklistCard
              personId={personId}
              personName={model.person.name}
              ticks={ticks}
              suggested={{
                ...(page && CHECKLIST_PAGES[page] ? { kind: CHECKLIST_PAGES[page] } : {}),
                ...(r?.permitType ? { permitType: r.permitType } : {}),
              }}
              portalList={r?.requiredDocuments ?? null}
              today={model.today}
              open
              feeNoticeDismissed={settings.dismissedNotices?.includes('fee-safety') ?? false}
              onDismissFeeNotice={() => void sendAndSay('panel:setSettings', { dismissNotice: 'fee-safety' })}
            />
            <EmergencyChecklist personId={personId} ticks={ticks} today={model.today} open={missed} />
          </>
        )}
        {tab === 'evidence' && people && (
          <EvidenceCard
            portalTabId={portalTabId}
            reading={besideReading?.reading ?? null}
            people={people.people}
          />
        )}
        {tab === 'stay' && stay && (
          <>
            <StayCard personId={personId} stay={stay} today={model.today} />
            {visaDaysOver > 0 && <OverstayCard daysOver={visaDaysOver} kind="visa" today={model.today} />}
          </>
        )}
        {tab === 'more' && (
          <>
            {reminderSettings && (
              <RemindersCard
                settings={reminderSettings}
                fired={fired ?? []}
                upcoming={upcoming ?? []}
                people={model.people}
                today={model.today}
              />
            )}
            <SettingsCard s={settings} />
            <SourcesCard today={model.today} />
            <BackupCard />
            <DangerZone onDeleted={() => setTab('deadlines')} />
          </>
        )}
      </Tabs>
      <footer class="muted small">
        {rulesStale && (
          <p class="warning" role="status" data-testid="rules-stale">
            <LineText line={rulesStale} />
          </p>
        )}
        {f.t('disclaimer')} {f.t('ui_footer_local')}
      </footer>
    </main>
  );
}
