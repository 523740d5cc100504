import type { MessageKey } from '../../i18n/catalogue';
import type { ApplicationStatus } from '../../portal/types';

/** Short names for the status history and the reading strip; the meaning and what to do come from the domain (statusInfo). */
export const STATUS_NAMES: Record<ApplicationStatus, MessageKey> = {
  'in-progress': 'ui_status_name_in_progress',
  'approved-printing': 'ui_status_name_approved_printing',
  'delivered-to-ptt': 'ui_status_name_delivered_to_ptt',
  'concluded-apply-to-office': 'ui_status_name_concluded_apply_to_office',
  'documents-required': 'ui_status_name_documents_required',
  'not-found': 'ui_status_name_not_found',
};
