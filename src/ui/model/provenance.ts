import type { PageKind } from '../../portal/types';
import type { Observation } from '../../state/facts';
import type { MessageKey } from '../../i18n/catalogue';
import type { Format } from '../../i18n/format';

const PAGE_NAMES: Record<PageKind, MessageKey> = {
  'eikamet-home': 'ui_page_eikamet_home',
  'eikamet-pending-login': 'ui_page_eikamet_pending_login',
  'eikamet-pending-options': 'ui_page_eikamet_pending_options',
  'eikamet-status': 'ui_page_eikamet_status',
  'eikamet-extension-entry': 'ui_page_eikamet_extension_entry',
  'eikamet-application-form': 'ui_page_eikamet_application_form',
  'eikamet-appointment': 'ui_page_eikamet_appointment',
  'eikamet-required-documents': 'ui_page_eikamet_required_documents',
  'randevu-home': 'ui_page_randevu_home',
  'randevu-booking': 'ui_page_randevu_booking',
  'randevu-my-appointments': 'ui_page_randevu_my_appointments',
  unknown: 'ui_page_unknown',
};

export function pageName(page: PageKind | null, f: Format): string {
  return f.t(PAGE_NAMES[page ?? 'unknown']);
}

/** "read from e-ikamet status page, 22 Nov 14:05" or "entered by you, 22 Nov 14:05". */
export function provenance(o: Observation<unknown>, f: Format, today?: string): string {
  const when = f.when(o.lastSeen, today);
  return o.source === 'manual'
    ? f.t('ui_provenance_manual', { when })
    : f.t('ui_provenance_read', { page: pageName(o.page, f), when });
}
