/**
 * What the panel and the background share about capturing: error codes with the one sentence the user reads (a
 * catalogue key, English for results and logs), and whether capture is "armed" for a tab. Pure.
 *
 * Armed: Chrome and Firefox only let `tabs.captureVisibleTab` run with `<all_urls>` or an activeTab grant, and the
 * extension has only activeTab. A grant is given by a user gesture that invokes the extension on that tab (the
 * toolbar icon, the keyboard command, the context-menu item); a click inside the panel grants nothing. The
 * browser does not tell an extension which grants it holds (`permissions.contains` does not see activeTab), so the
 * background records each gesture in `storage.session` and drops it when the tab closes or leaves the portal's
 * origin (Chrome keeps a grant through same-origin loads, such as e-ikamet's POST reloads, and ends it on a
 * cross-origin navigation: ../shared/browser-facts.md). This is a belief, not a fact: when a capture is refused for
 * lack of permission, the record is dropped and the panel says what to press.
 */
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import type { Said } from '../i18n/said';
import type { CaptureTrigger } from './record';

export type CaptureErrorCode =
  'no-grant' | 'not-portal' | 'no-tab' | 'not-visible' | 'changed' | 'rate-limit' | 'quota' | 'failed';

/** Each code's sentence in the catalogue: the panel renders the code in its language through this. */
export const CAPTURE_ERROR_KEY = {
  'no-grant': 'ui_evidence_error_no_grant',
  'not-portal': 'ui_evidence_error_not_portal',
  'no-tab': 'ui_evidence_error_no_tab',
  'not-visible': 'ui_evidence_error_not_visible',
  changed: 'ui_evidence_error_changed',
  'rate-limit': 'ui_evidence_error_rate_limit',
  quota: 'ui_evidence_error_quota',
  failed: 'ui_evidence_error_capture_failed',
} as const satisfies Record<CaptureErrorCode, MessageKey>;

/** The English sentence of each code (results, logs, the CLI); the panel shows `CAPTURE_ERROR_KEY` instead. */
export const CAPTURE_ERROR_TEXT: Record<CaptureErrorCode, string> = Object.fromEntries(
  Object.entries(CAPTURE_ERROR_KEY).map(([code, key]) => [code, EN_MESSAGES[key]]),
) as Record<CaptureErrorCode, string>;

export function isCaptureErrorCode(v: unknown): v is CaptureErrorCode {
  return typeof v === 'string' && Object.hasOwn(CAPTURE_ERROR_KEY, v);
}

export type GrantVia = 'action' | 'command' | 'context-menu';

export interface CaptureGrant {
  tabId: number;
  /** Origin of the page the gesture was made on; the grant is dropped when the tab leaves it. */
  origin: string;
  /** ISO time of the gesture. */
  at: string;
  via: GrantVia;
  /**
   * Set when the tab left `origin` (a cross-origin navigation ends an activeTab grant): the panel then says that
   * capture needs a new click, rather than that it was never armed.
   */
  endedAt?: string;
}

export interface CaptureOutcome {
  at: string;
  trigger: CaptureTrigger;
  tabId: number | null;
  ok: boolean;
  recordId: string | null;
  seq: number | null;
  code: CaptureErrorCode | null;
  /** English, for logs. */
  message: string | null;
  /** What the panel says about a failure, in its language (absent in outcomes kept before it was added). */
  said?: Said | null;
}

/** A failure says its sentence (`said`: the capture code's, or the evidence store's own); `error` is English for logs. */
export type CaptureResult =
  | { ok: true; recordId: string; seq: number }
  | { ok: false; code: CaptureErrorCode; error: string; said: Said };

export interface ArmedState {
  armed: boolean;
  /** Not armed because the tab left the site the last click was made on. */
  ended?: boolean;
  /** How the grant was obtained. */
  via: GrantVia | null;
  since: string | null;
}

export function armedFor(grants: Readonly<Record<string, CaptureGrant>>, tabId: number | null): ArmedState {
  if (tabId === null) return { armed: false, via: null, since: null };
  const g = grants[String(tabId)];
  if (g?.endedAt) return { armed: false, ended: true, via: null, since: null };
  return g ? { armed: true, via: g.via, since: g.at } : { armed: false, via: null, since: null };
}
