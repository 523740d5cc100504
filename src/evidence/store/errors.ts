/** What can go wrong in the evidence log: a code callers branch on, and a why with its catalogue sentence. */
import { EN_MESSAGES, type MessageKey } from '../../i18n/catalogue';
import { renderMessage } from '../../i18n/render';
import type { Said } from '../../i18n/said';

export type EvidenceErrorCode = 'quota' | 'not-found' | 'conflict' | 'invalid' | 'failed';

/**
 * Which error exactly: finer than the code (what callers branch on), stable, and each with its sentence in the
 * catalogue, so the panel says it in its own language. The Error's `message` is the English sentence (logs and
 * the CLI); the background relays `said` (key and parameters) to the panel, never the sentence.
 */
export type EvidenceErrorWhy =
  | EvidenceErrorCode
  | 'failed-detail'
  | 'no-indexeddb'
  | 'blocked'
  | 'no-time'
  | 'no-reason'
  | 'foreign-bundle'
  | 'image-missing'
  | 'restore-clash'
  | 'restore-half';

/** `{placeholders}` of an error's sentence: record numbers and technical detail, never formatted. */
export type EvidenceErrorParams = Readonly<Record<string, string>>;

export const EVIDENCE_ERRORS: Readonly<
  Record<EvidenceErrorWhy, { code: EvidenceErrorCode; key: MessageKey }>
> = {
  quota: { code: 'quota', key: 'ui_evidence_error_quota' },
  'not-found': { code: 'not-found', key: 'ui_evidence_error_not_found' },
  conflict: { code: 'conflict', key: 'ui_evidence_error_conflict' },
  invalid: { code: 'invalid', key: 'ui_evidence_error_invalid' },
  failed: { code: 'failed', key: 'ui_evidence_error_failed' },
  /** params: detail */
  'failed-detail': { code: 'failed', key: 'ui_evidence_error_failed_detail' },
  'no-indexeddb': { code: 'failed', key: 'ui_evidence_error_no_indexeddb' },
  blocked: { code: 'failed', key: 'ui_evidence_error_blocked' },
  'no-time': { code: 'invalid', key: 'ui_evidence_error_no_time' },
  'no-reason': { code: 'invalid', key: 'ui_evidence_error_no_reason' },
  /** params: seq */
  'foreign-bundle': { code: 'conflict', key: 'ui_evidence_error_foreign_bundle' },
  /** params: seq */
  'image-missing': { code: 'invalid', key: 'ui_evidence_error_import_image_missing' },
  /** params: seq */
  'restore-clash': { code: 'conflict', key: 'ui_evidence_error_restore_clash' },
  'restore-half': { code: 'failed', key: 'ui_evidence_error_restore_half' },
};

export class EvidenceStoreError extends Error {
  readonly code: EvidenceErrorCode;
  /** `params` fill the sentence of `why` (record numbers, technical detail). */
  constructor(
    readonly why: EvidenceErrorWhy,
    readonly params: EvidenceErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(renderMessage(EN_MESSAGES, EVIDENCE_ERRORS[why].key, params), options);
    this.name = 'EvidenceStoreError';
    this.code = EVIDENCE_ERRORS[why].code;
  }

  /** The sentence the panel shows, in its language (src/background/router.ts relays it as a refusal). */
  get said(): Said {
    return { key: EVIDENCE_ERRORS[this.why].key, params: { ...this.params } };
  }
}

/** Any failure as the store's own error: a full disk is `quota`, anything else `failed` with its detail. */
export function mapError(e: unknown): EvidenceStoreError {
  if (e instanceof EvidenceStoreError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new EvidenceStoreError('quota', {}, { cause: e });
  return e instanceof Error
    ? new EvidenceStoreError('failed-detail', { detail: e.message }, { cause: e })
    : new EvidenceStoreError('failed', {}, { cause: e });
}
