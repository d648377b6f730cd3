import { describe, expect, it } from 'vitest';
import { MUTATIONS, mutationGroup } from './registry.ts';

describe('mutation groups come from the definitions', () => {
  it('sorts every mutation into leads or pipelines by its own group field', () => {
    const byGroup = (group: string) =>
      Object.keys(MUTATIONS).filter((name) => mutationGroup(name) === group);
    expect(byGroup('leads')).toEqual(['create_lead', 'update_lead', 'move_lead', 'delete_lead']);
    expect(byGroup('pipelines')).toHaveLength(10);
    expect(byGroup('leads').length + byGroup('pipelines').length).toBe(
      Object.keys(MUTATIONS).length,
    );
  });

  it('knows no group for a name outside the registry (e.g. queued by an older version)', () => {
    expect(mutationGroup('archive_lead')).toBeUndefined();
    expect(mutationGroup('toString')).toBeUndefined();
  });
});

describe('argument messages', () => {
  it('uses English defaults where a rule sets no message of its own (zod/mini has no locale)', () => {
    const refused = MUTATIONS.reorder_pipelines.args.safeParse({ ids: [], extra: 1 });
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'Too small: expected array to have >=1 items',
      'Unrecognized key: "extra"',
    ]);
  });
});
