import { describe, expect, it } from 'vitest';
import { apiErrorFromPostgres, statusForSqlState } from '../../server/rest/postgres-error.ts';

// PostgREST's SQLSTATE → HTTP table (docs.postgrest.org, references/errors), case by case.
describe('SQLSTATE to HTTP status', () => {
  it.each([
    ['23505', 409],
    ['23503', 409],
    ['23514', 400],
    ['23502', 400],
    ['22P02', 400],
    ['P0001', 400],
    ['P0002', 500],
    ['25006', 405],
    ['25001', 500],
    ['40001', 500],
    ['40P01', 500],
    ['42883', 404],
    ['42P01', 404],
    ['42P17', 500],
    ['08006', 503],
    ['53300', 503],
    ['53400', 500],
    ['54000', 500],
    ['57014', 500],
    ['28000', 403],
    ['0P000', 403],
    ['XX000', 500],
    ['PT418', 418],
    ['42703', 400],
  ])('%s → %i', (code, status) => {
    expect(statusForSqlState(code, true)).toBe(status);
  });

  it('answers 42501 with 401 for anon and 403 when signed in', () => {
    expect(statusForSqlState('42501', false)).toBe(401);
    expect(statusForSqlState('42501', true)).toBe(403);
  });

  it('keeps code, message, details and hint, with null for what Postgres left out', () => {
    const error = apiErrorFromPostgres(
      { code: '23514', message: 'check failed', detail: '' },
      true,
    );
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      code: '23514',
      message: 'check failed',
      details: null,
      hint: null,
    });
  });

  it('reports an unparsable PGRST raise as PGRST121 instead of failing', () => {
    const error = apiErrorFromPostgres({ code: 'PGRST', message: 'not json' }, true);
    expect(error.status).toBe(500);
    expect(error.body.code).toBe('PGRST121');
  });
});
