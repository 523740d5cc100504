import type { PageKind } from '../portal/types';
import type { Observation } from '../state/facts';
import type { Format } from './format';

const PAGE_NAMES: Record<PageKind, string> = {
  'eikamet-home': 'e-ikamet home page',
  'eikamet-pending-login': 'e-ikamet application login',
  'eikamet-pending-options': 'e-ikamet application options',
  'eikamet-status': 'e-ikamet status page',
  'eikamet-extension-entry': 'e-ikamet extension entry page',
  'eikamet-application-form': 'e-ikamet application form',
  'eikamet-appointment': 'e-ikamet appointment page',
  'eikamet-required-documents': 'e-ikamet required-documents page',
  'randevu-home': 'randevu home page',
  'randevu-booking': 'randevu booking page',
  'randevu-my-appointments': 'randevu "my appointments" page',
  unknown: 'portal page',
};

export function pageName(page: PageKind | null): string {
  return PAGE_NAMES[page ?? 'unknown'];
}

/** "read from e-ikamet status page, 22 Nov 14:05" or "entered by you, 22 Nov 14:05". */
export function provenance(o: Observation<unknown>, f: Format, today?: string): string {
  const when = f.when(o.lastSeen, today);
  return o.source === 'manual' ? `entered by you, ${when}` : `read from ${pageName(o.page)}, ${when}`;
}
