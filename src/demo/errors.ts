/** Errors of the demo generator. */

/** Options that cannot make a tenant (a user mistake: one line, no stack). */
export class DemoOptionsError extends Error {
  readonly code = 'DEMO_OPTIONS';

  constructor(message: string) {
    super(message);
    this.name = 'DemoOptionsError';
  }
}
