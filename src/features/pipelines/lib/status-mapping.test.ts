import { describe, expect, it } from 'vitest';
import {
  prefillStatusMap,
  statusMapForMove,
  totalLeads,
  unmappedStatusIds,
} from './status-mapping.ts';
import { findDuplicateName } from './status-names.ts';
import { moveItem } from './reorder.ts';

const from = [
  { id: 'a', name: 'New' },
  { id: 'b', name: 'Quoted ' },
  { id: 'c', name: 'Lost' },
];
const to = [
  { id: 'x', name: 'new' },
  { id: 'y', name: 'QUOTED' },
  { id: 'z', name: 'Won' },
];

describe('prefillStatusMap', () => {
  it('pairs statuses by name case-insensitively and leaves the rest unchosen', () => {
    expect(prefillStatusMap(from, to)).toEqual({ a: 'x', b: 'y', c: '' });
  });
});

describe('unmappedStatusIds / statusMapForMove', () => {
  const counts = new Map([
    ['a', 3],
    ['c', 2],
  ]);
  it('flags only statuses that hold leads and have no target', () => {
    expect(unmappedStatusIds({ a: 'x', b: '', c: '' }, counts)).toEqual(['c']);
    expect(unmappedStatusIds({ a: 'x', b: '', c: 'z' }, counts)).toEqual([]);
  });
  it('sends only the pairs that move leads', () => {
    expect(statusMapForMove({ a: 'x', b: 'y', c: 'z' }, counts)).toEqual({ a: 'x', c: 'z' });
  });
  it('counts the leads that will move', () => {
    expect(totalLeads(counts)).toBe(5);
  });
});

describe('findDuplicateName', () => {
  it('finds another status with the same name, ignoring case and spaces', () => {
    expect(findDuplicateName(from, '  new ')?.id).toBe('a');
    expect(findDuplicateName(from, 'New', 'a')).toBeUndefined();
    expect(findDuplicateName(from, '   ')).toBeUndefined();
  });
});

describe('moveItem', () => {
  it('moves an element and clamps the target', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});
