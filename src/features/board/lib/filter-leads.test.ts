import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../store/board-ui-store.ts';
import { lead } from '../testing/board-fixtures.tsx';
import { hasActiveFilters, leadFilter } from './filter-leads.ts';

const base = { pipeline_id: 'p', status_id: 's' };
const jose = lead({
  ...base,
  full_name: 'José Núñez',
  email: 'JOSE@Example.com',
  phone: '+1 (555) 010-2030',
  assigned_to: 'u1',
  product: 'home',
});
const amy = lead({ ...base, full_name: 'Amy Lee', assigned_to: null });

describe('leadFilter', () => {
  const matches = (patch: Partial<typeof EMPTY_FILTERS>, userId: string | null = 'u1') =>
    [jose, amy].filter(leadFilter({ ...EMPTY_FILTERS, ...patch }, userId)).map((l) => l.full_name);

  it('searches names without case or accents, emails, and phone digits whatever the separators', () => {
    expect(matches({ search: 'jose nun' })).toEqual(['José Núñez']);
    expect(matches({ search: 'example.COM' })).toEqual(['José Núñez']);
    expect(matches({ search: '555-0102' })).toEqual(['José Núñez']);
    expect(matches({ search: '  ' })).toEqual(['José Núñez', 'Amy Lee']);
  });

  it('keeps only the leads that changed while away, with the other filters', () => {
    expect(matches({ changedWhileAway: [amy.id] })).toEqual(['Amy Lee']);
    expect(matches({ changedWhileAway: [] })).toEqual([]);
    expect(matches({ changedWhileAway: [amy.id, jose.id], product: 'home' })).toEqual([
      'José Núñez',
    ]);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, changedWhileAway: [] })).toBe(true);
  });

  it('filters by agent, product and "only mine"', () => {
    expect(matches({ agentId: 'u1' })).toEqual(['José Núñez']);
    expect(matches({ product: 'auto' })).toEqual(['Amy Lee']);
    expect(matches({ onlyMine: true }, 'u2')).toEqual([]);
    expect(matches({ onlyMine: true }, 'u1')).toEqual(['José Núñez']);
  });

  it('knows when any filter is on', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, onlyMine: true })).toBe(true);
  });
});
