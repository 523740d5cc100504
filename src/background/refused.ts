/**
 * Thrown by a handler that refuses a well-formed message for what it says (a date that does not exist, a value
 * past its limit, an unknown person): the router answers `invalid`, and nothing was changed.
 */
export class Refused extends Error {
  readonly code = 'invalid' as const;
  constructor(reason: string) {
    super(reason);
    this.name = 'Refused';
  }
}
