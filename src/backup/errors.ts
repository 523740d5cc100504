/**
 * Why a backup or restore failed: a code the panel branches on, a why with its catalogue sentence, the parameters
 * that fill it, and an optional inner sentence (verify's first problem, the store's error, the background's refusal).
 */
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import { isSaid, type Said } from '../i18n/said';

/**
 * What a failure means for the data here, for callers to branch on. Every code but `unfinished` means nothing was
 * changed; `unfinished` means a restore stopped after it began to write and what is stored may be part old, part the
 * backup's (restoring the same file again finishes it).
 */
export type BackupErrorCode = 'not-backup' | 'newer-version' | 'corrupt' | 'quota' | 'failed' | 'unfinished';

/**
 * Which failure exactly: finer than the code, stable, each with its sentence in the catalogue, so the panel says it
 * in its own language. A code is also a why, with the code's general sentence, where nothing more specific is known.
 * Parameters are item keys, file paths, version numbers and technical detail: never sentences. A why whose
 * sentence has `{problem}` carries another sentence in `inner` (the first verify problem, the store's error).
 */
export type BackupErrorWhy =
  | BackupErrorCode
  | 'too-large'
  | 'not-zip'
  | 'evidence-bundle'
  | 'manifest-unreadable'
  | 'manifest-incomplete'
  | 'manifest-changed'
  | 'file-list-malformed'
  | 'file-missing'
  | 'file-changed'
  | 'file-unlisted'
  | 'entry-malformed'
  | 'item-twice'
  | 'item-foreign'
  | 'item-version-invalid'
  | 'item-malformed'
  | 'item-migration-failed'
  | 'item-unknown'
  | 'item-newer'
  | 'item-no-check'
  | 'evidence-not-verified'
  | 'not-confirmed'
  | 'create-failed'
  | 'create-failed-detail'
  | 'create-no-answer'
  | 'restore-failed'
  | 'restore-failed-detail'
  | 'unfinished-no-answer'
  | 'unfinished-undo-failed'
  | 'unfinished-store';

/** `{placeholders}` of a failure's sentence, shown as they are. */
export type BackupErrorParams = Readonly<Record<string, string>>;

export const BACKUP_ERRORS: Readonly<Record<BackupErrorWhy, { code: BackupErrorCode; key: MessageKey }>> = {
  'not-backup': { code: 'not-backup', key: 'ui_backup_error_not_backup' },
  'newer-version': { code: 'newer-version', key: 'ui_backup_error_newer' },
  corrupt: { code: 'corrupt', key: 'ui_backup_error_corrupt' },
  quota: { code: 'quota', key: 'ui_backup_error_quota' },
  failed: { code: 'failed', key: 'ui_backup_error_failed' },
  unfinished: { code: 'unfinished', key: 'ui_backup_error_unfinished' },
  'too-large': { code: 'not-backup', key: 'ui_backup_error_too_large' },
  'not-zip': { code: 'not-backup', key: 'ui_backup_error_not_zip' },
  'evidence-bundle': { code: 'not-backup', key: 'ui_backup_error_evidence_bundle' },
  /** params: file */
  'manifest-unreadable': { code: 'corrupt', key: 'ui_backup_error_manifest_unreadable' },
  /** params: file */
  'manifest-incomplete': { code: 'corrupt', key: 'ui_backup_error_manifest_incomplete' },
  /** params: file */
  'manifest-changed': { code: 'corrupt', key: 'ui_backup_error_manifest_changed' },
  /** params: file */
  'file-list-malformed': { code: 'corrupt', key: 'ui_backup_error_file_list' },
  /** params: path */
  'file-missing': { code: 'corrupt', key: 'ui_backup_error_file_missing' },
  /** params: path */
  'file-changed': { code: 'corrupt', key: 'ui_backup_error_file_changed' },
  /** params: path */
  'file-unlisted': { code: 'corrupt', key: 'ui_backup_error_file_unlisted' },
  'entry-malformed': { code: 'corrupt', key: 'ui_backup_error_entry_malformed' },
  /** params: item */
  'item-twice': { code: 'corrupt', key: 'ui_backup_error_item_twice' },
  /** params: item */
  'item-foreign': { code: 'corrupt', key: 'ui_backup_error_item_foreign' },
  /** params: item */
  'item-version-invalid': { code: 'corrupt', key: 'ui_backup_error_item_version' },
  /** params: item */
  'item-malformed': { code: 'corrupt', key: 'ui_backup_error_item_malformed' },
  /** params: item, from, to */
  'item-migration-failed': { code: 'corrupt', key: 'ui_backup_error_item_migration' },
  /** params: item */
  'item-unknown': { code: 'newer-version', key: 'ui_backup_error_item_unknown' },
  /** params: item, version, max */
  'item-newer': { code: 'newer-version', key: 'ui_backup_error_item_newer' },
  /** params: item */
  'item-no-check': { code: 'failed', key: 'ui_backup_error_item_no_check' },
  /** inner: verify's first problem */
  'evidence-not-verified': { code: 'corrupt', key: 'ui_backup_error_evidence_not_verified' },
  'not-confirmed': { code: 'failed', key: 'ui_backup_error_not_confirmed' },
  /** inner: the store's error, or the background's refusal */
  'create-failed': { code: 'failed', key: 'ui_backup_error_create_failed' },
  /** params: detail */
  'create-failed-detail': { code: 'failed', key: 'ui_backup_error_create_failed_detail' },
  'create-no-answer': { code: 'failed', key: 'ui_backup_error_create_no_answer' },
  /** inner: the store's error, or the background's refusal */
  'restore-failed': { code: 'failed', key: 'ui_backup_error_restore_failed' },
  /** params: detail */
  'restore-failed-detail': { code: 'failed', key: 'ui_backup_error_restore_failed_detail' },
  'unfinished-no-answer': { code: 'unfinished', key: 'ui_backup_error_unfinished_no_answer' },
  'unfinished-undo-failed': { code: 'unfinished', key: 'ui_backup_error_unfinished_undo' },
  /** inner: the store's error (the previous evidence log could not be put back) */
  'unfinished-store': { code: 'unfinished', key: 'ui_backup_error_unfinished_store' },
};

export function isBackupErrorWhy(v: unknown): v is BackupErrorWhy {
  return typeof v === 'string' && Object.hasOwn(BACKUP_ERRORS, v);
}

const isParams = (v: unknown): v is BackupErrorParams =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string');

/** `said` in English, with `inner` said in English as its `{problem}`: the Error's message, for logs and the CLI. */
function english(said: Said, inner: Said | undefined): string {
  const problem: Record<string, string> = inner
    ? { problem: renderMessage(EN_MESSAGES, inner.key, inner.params ?? {}) }
    : {};
  return renderMessage(EN_MESSAGES, said.key, { ...(said.params ?? {}), ...problem });
}

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  /** The sentence said inside this one as its `{problem}` (only for the whys whose sentence has one). */
  readonly inner?: Said;
  constructor(
    readonly why: BackupErrorWhy,
    readonly params: BackupErrorParams = {},
    options: { cause?: unknown; inner?: Said } = {},
  ) {
    const { inner, ...rest } = options;
    super(english({ key: BACKUP_ERRORS[why].key, params }, inner), rest);
    this.name = 'BackupError';
    this.code = BACKUP_ERRORS[why].code;
    if (inner) this.inner = { key: inner.key, ...(inner.params ? { params: { ...inner.params } } : {}) };
  }

  /** The sentence the panel shows, in its language; `inner`, said the same way, fills its `{problem}`. */
  get said(): Said {
    return { key: BACKUP_ERRORS[this.why].key, params: { ...this.params } };
  }

  /** What crosses a runtime message (the background's answer to a restore): no sentence, only what says one. */
  toWire(): BackupErrorWire {
    return { why: this.why, params: { ...this.params }, ...(this.inner ? { inner: this.inner } : {}) };
  }

  /** The error a `toWire()` stood for, or null if `v` is not one (checked: it comes through a message). */
  static fromWire(v: unknown): BackupError | null {
    if (typeof v !== 'object' || v === null) return null;
    const { why, params, inner } = v as { why?: unknown; params?: unknown; inner?: unknown };
    if (!isBackupErrorWhy(why) || !isParams(params)) return null;
    if (inner !== undefined && !(isSaid(inner) && Object.hasOwn(EN_MESSAGES, inner.key))) return null;
    return new BackupError(why, params, inner ? { inner } : {});
  }
}

export interface BackupErrorWire {
  why: BackupErrorWhy;
  params: BackupErrorParams;
  inner?: Said;
}
