/** A turn that threw: keeps the original error and which event it was, for the one log line. */
export class HandlerError extends Error {
  constructor(
    readonly eventKey: string,
    readonly eventName: string,
    override readonly cause: unknown,
  ) {
    super(`handling ${eventName} (${eventKey}) failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'HandlerError';
  }
}
