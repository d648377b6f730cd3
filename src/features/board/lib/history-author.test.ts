import { describe, expect, it } from 'vitest';
import { ANA } from '../testing/board-fixtures.tsx';
import { historyAuthor } from './history-author.ts';

const profiles = new Map([[ANA.id, ANA]]);

describe('historyAuthor', () => {
  it('names the user who made the change', () => {
    expect(historyAuthor({ changed_by: ANA.id, from_status_id: 'x' }, profiles)).toBe('Ana Agent');
  });

  it('calls an authorless first entry an import and a later one the system', () => {
    expect(historyAuthor({ changed_by: null, from_status_id: null }, profiles)).toBe('Imported');
    expect(historyAuthor({ changed_by: null, from_status_id: 'x' }, profiles)).toBe('System');
  });

  it('never says "Someone"', () => {
    expect(historyAuthor({ changed_by: 'gone', from_status_id: 'x' }, profiles)).toBe(
      'Another user',
    );
  });
});
