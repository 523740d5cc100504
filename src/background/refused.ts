/**
 * Thrown by a handler that refuses a well-formed message for what it says (a date that does not exist, a value
 * past its limit, an unknown person): the router answers `invalid` with this sentence, and nothing was changed.
 */
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Said } from '../i18n/said';

export class Refused extends Error {
  readonly code = 'invalid' as const;
  readonly said: Said;
  constructor(said: Said);
  constructor(key: MessageKey, params?: Record<string, string>);
  constructor(keyOrSaid: MessageKey | Said, params?: Record<string, string>) {
    const said: Said =
      typeof keyOrSaid === 'string' ? { key: keyOrSaid, ...(params ? { params } : {}) } : keyOrSaid;
    // The English sentence, for logs only: the panel renders `said` in its language.
    super(renderMessage(EN_MESSAGES, said.key, said.params ?? {}));
    this.name = 'Refused';
    this.said = said;
  }
}
