/** A mutation refused on this device before anything was written (bad input or local state). */
export class MutationValidationError extends Error {
  override readonly name = 'MutationValidationError';
  constructor(
    readonly mutation: string,
    /** Messages by argument path, e.g. { 'patch.email': ['Enter a valid email address'] }. */
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(
      `${mutation}: ${Object.entries(fieldErrors)
        .map(([field, messages]) => `${field || 'args'}: ${messages.join('; ')}`)
        .join(', ')}`,
    );
  }

  static single(mutation: string, field: string, message: string): MutationValidationError {
    return new MutationValidationError(mutation, { [field]: [message] });
  }
}
