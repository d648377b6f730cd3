import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { otherErrors, refusalErrors, schemaErrors } from './form-errors.ts';
import { MutationValidationError } from './validation-error.ts';

describe('refusals by form field', () => {
  it('puts a validation message at its field (last path segment), the rest on the form', () => {
    const refusal = new MutationValidationError('update_lead', {
      'patch.email': ['Enter a valid email address'],
      'statuses.0.name': ['Status name is required', 'Two statuses are named "A"'],
      '': ['Nothing to change'],
    });
    expect(refusalErrors(refusal)).toEqual({
      email: 'Enter a valid email address',
      name: 'Status name is required Two statuses are named "A"',
      form: 'Nothing to change',
    });
    expect(refusalErrors(new Error('offline'))).toEqual({ form: 'offline' });
    expect(refusalErrors('??')).toEqual({ form: 'The change could not be saved' });
  });

  it('checks values against a schema with the same mapping', () => {
    const schema = z.object({
      name: z.string().check(z.minLength(1, 'Name is required')),
      n: z.number(),
    });
    expect(schemaErrors(schema, { name: '', n: 1 })).toEqual({ name: 'Name is required' });
    expect(schemaErrors(schema, { name: 'ok', n: 1 })).toEqual({});
  });

  it('lists the messages of fields the form does not show', () => {
    expect(otherErrors({ name: 'a', form: 'b', hidden: 'c', empty: undefined }, ['name'])).toEqual([
      'b',
      'c',
    ]);
  });
});
