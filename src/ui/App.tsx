import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EN } from '../domain/text';
import { isPortalUrl } from '../portal/origins';
import {
  factsItem,
  lastReadingItem,
  peopleItem,
  settingsItem,
  tabReadingsItem,
  type TabReading,
} from '../storage';
import { AppointmentCard, LockoutCard } from './AppointmentCard';
import { DatesCard } from './DatesCard';
import { LineText } from './Lines';
import { panelModel } from './model';
import { PeopleBar } from './PeopleBar';
import { ReadingStrip } from './ReadingStrip';
import { SettingsCard } from './SettingsCard';
import { SourcesCard } from './SourcesCard';
import { UrgencyCard } from './UrgencyCard';
import { useNow, useStored } from './useStored';
import { OverdueCard, WindowCard } from './WindowCard';

/** The tab beside the panel: the active tab of the panel's own window, when it is a portal tab. */
function usePortalTabId(): number | null {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    const check = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setTabId(tab?.id !== undefined && isPortalUrl(tab.url) ? tab.id : null);
    };
    void check();
    const onActivated = () => void check();
    const onUpdated = (_id: number, info: { url?: string; status?: string }) => {
      if (info.url || info.status === 'complete') void check();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tabId;
}

export function App() {
  const people = useStored(peopleItem);
  const facts = useStored(factsItem);
  const settings = useStored(settingsItem);
  const tabReadings = useStored(tabReadingsItem);
  const lastReading = useStored(lastReadingItem);
  const portalTabId = usePortalTabId();
  const now = useNow();
  const [datesOpen, setDatesOpen] = useState(false);

  const besideReading: TabReading | null =
    portalTabId !== null ? (tabReadings?.[String(portalTabId)] ?? null) : null;
  const reading = besideReading ?? lastReading ?? null;

  const model = useMemo(
    () => (people && facts && settings ? panelModel({ people, facts, settings, reading, now }) : null),
    [people, facts, settings, reading, now],
  );

  if (!model || !settings) {
    return (
      <main class="panel" aria-busy="true">
        <h1>Ikamet Companion</h1>
      </main>
    );
  }

  const openDates = () => {
    setDatesOpen(true);
    requestAnimationFrame(() => document.getElementById('permit-end')?.focus());
  };

  return (
    <main class="panel">
      <header class="top">
        <h1>
          <img src="/icon/32.png" alt="" width={20} height={20} /> Ikamet Companion
        </h1>
        <PeopleBar people={model.people} activeId={model.person.id} />
      </header>
      <ReadingStrip m={model} besidePortal={besideReading !== null} />
      {model.topWarning && (
        <p class="top-warning" role="alert" data-testid="top-warning">
          <strong>⚠ Booking lockout: </strong>
          <LineText line={model.topWarning} />
        </p>
      )}
      <UrgencyCard u={model.urgency} end={model.end} today={model.today} onEnterEnd={openDates} />
      {model.overdue && <OverdueCard o={model.overdue} />}
      {model.window && <WindowCard w={model.window} />}
      <AppointmentCard
        a={model.appointment}
        pending={model.appointmentPending}
        personId={model.person.id}
        today={model.today}
      />
      <LockoutCard l={model.lockout} />
      <DatesCard
        personId={model.person.id}
        end={model.end}
        endConflicts={model.endConflicts}
        today={model.today}
        open={datesOpen || model.endConflicts.length > 0}
      />
      <SettingsCard s={settings} />
      <SourcesCard />
      <footer class="muted small">
        {EN.disclaimer} Nothing leaves this computer: the extension only reads the portal pages you open.
      </footer>
    </main>
  );
}
