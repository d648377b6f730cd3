import { describe, expect, it } from 'vitest';
import { leadRow } from '../testing/rows.ts';
import type { Lead, LeadStatusHistory } from '../types.ts';
import { changedLeadIds, mergeAwayChanges } from './away-changes.ts';
import { detectConflicts } from './detect-conflicts.ts';
import type { ConflictFacts, OwnChange } from './types.ts';

const ANA = 'ana-id';
const BEN = 'ben-id';
const PIPELINE = 'pipeline-1';
const STATUS = { new: 'status-new', negotiation: 'status-negotiation', won: 'status-won' };
const STATUS_NAMES: Record<string, string> = {
  [STATUS.new]: 'New',
  [STATUS.negotiation]: 'Negotiation',
  [STATUS.won]: 'Won',
};
const PEOPLE: Record<string, string> = { [ANA]: 'Ana Agent', [BEN]: 'Ben Agent' };
const BASE_AT = '2026-12-01T10:00:00.000000+00:00';
const LATER = '2026-12-01T11:00:00.000000+00:00';

const noah = leadRow(
  {
    id: 'lead-noah',
    full_name: 'Noah Harris',
    pipeline_id: PIPELINE,
    status_id: STATUS.new,
    assigned_to: ANA,
    phone: '555-0100',
  },
  BASE_AT,
);

function history(fields: Partial<LeadStatusHistory>): LeadStatusHistory {
  return {
    id: 'history-ben',
    lead_id: noah.id,
    from_status_id: STATUS.new,
    to_status_id: STATUS.won,
    from_status_name: 'New',
    to_status_name: 'Won',
    changed_by: BEN,
    changed_at: LATER,
    lost_reason: null,
    ...fields,
  };
}

const move = (outcome: OwnChange['outcome'], statusId = STATUS.negotiation): OwnChange => ({
  mutation_id: 7,
  lead_id: noah.id,
  kind: 'move',
  status_id: statusId,
  outcome,
});
const edit = (patch: Record<string, unknown>, outcome: OwnChange['outcome']): OwnChange => ({
  mutation_id: 8,
  lead_id: noah.id,
  kind: 'edit',
  patch,
  outcome,
});

/** Facts about Noah Harris: `after` null means the page removed him, `pulled` what it brought. */
function facts(
  over: Omit<Partial<ConflictFacts>, 'after' | 'pulled'> & { after?: Lead | null; pulled?: Lead },
): ConflictFacts {
  const { after, pulled, ...rest } = over;
  return {
    userId: ANA,
    userIsManager: false,
    at: LATER,
    changes: [],
    before: new Map([[noah.id, noah]]),
    after: after === null ? new Map<string, Lead>() : new Map([[noah.id, after ?? noah]]),
    pulled: pulled ? new Map([[noah.id, pulled]]) : new Map<string, Lead>(),
    newHistory: [],
    removedLeads: new Set<string>(),
    removedStatuses: new Map<string, string>(),
    statusName: (id: string) => STATUS_NAMES[id] ?? null,
    personName: (id: string) => PEOPLE[id] ?? null,
    ...rest,
  };
}

describe('detectConflicts', () => {
  it('a move by someone else, then the user’s own move applied after it, names both', () => {
    const merged = { ...noah, status_id: STATUS.negotiation, updated_at: LATER };
    const notices = detectConflicts(
      facts({
        changes: [move({ state: 'applied' })],
        pulled: merged,
        after: merged,
        newHistory: [history({})],
      }),
    );
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'moved_elsewhere',
        lead_id: noah.id,
        lead_name: 'Noah Harris',
        mutation_id: 7,
        dismissed_at: null,
        message:
          'Ben Agent moved Noah Harris to Won while you were offline; your move to Negotiation was applied after it.',
      }),
    ]);
  });

  it('says when the other move came last, when the user’s is still queued, and when it was refused', () => {
    const won = { ...noah, status_id: STATUS.won, updated_at: LATER };
    const theirsLast = detectConflicts(
      facts({
        changes: [move({ state: 'applied' })],
        pulled: won,
        after: won,
        newHistory: [history({})],
      }),
    );
    expect(theirsLast.map((n) => n.message)).toEqual([
      'Ben Agent moved Noah Harris to Won after your move to Negotiation; it is in Won now.',
    ]);

    const shown = { ...noah, status_id: STATUS.negotiation };
    const queued = detectConflicts(
      facts({
        changes: [move({ state: 'queued' })],
        pulled: won,
        after: shown,
        newHistory: [history({})],
      }),
    );
    expect(queued.map((n) => n.message)).toEqual([
      'Ben Agent moved Noah Harris to Won while you were offline; your move to Negotiation will be applied after it when it syncs.',
    ]);

    const refused = detectConflicts(
      facts({
        changes: [move({ state: 'refused', message: 'Not allowed' })],
        pulled: won,
        after: won,
        newHistory: [history({})],
      }),
    );
    expect(refused.map((n) => n.message)).toEqual([
      'Ben Agent moved Noah Harris to Won while you were offline; your move to Negotiation was refused (Not allowed).',
    ]);
  });

  it('a notice about a queued change carries its sentences for when the server answers', () => {
    const won = { ...noah, status_id: STATUS.won, updated_at: LATER };
    const [notice] = detectConflicts(
      facts({
        changes: [move({ state: 'queued' })],
        pulled: won,
        after: { ...noah, status_id: STATUS.negotiation },
        newHistory: [history({})],
      }),
    );
    expect(notice?.settles).toEqual({
      applied:
        'Ben Agent moved Noah Harris to Won while you were offline; your move to Negotiation was applied after it.',
      refused:
        'Ben Agent moved Noah Harris to Won while you were offline; your move to Negotiation was refused (see “Rejected changes”).',
    });
    const theirs = { ...noah, phone: '555-0199', updated_at: LATER };
    const [field] = detectConflicts(
      facts({
        changes: [edit({ phone: '555-0123' }, { state: 'queued' })],
        pulled: theirs,
        after: { ...theirs, phone: '555-0123' },
      }),
    );
    expect(field?.settles?.applied).toBe(
      'Another user changed the phone of Noah Harris to “555-0199” while you were offline; your “555-0123” was applied after it.',
    );
    // Already answered: nothing left to settle.
    const merged = { ...noah, status_id: STATUS.negotiation, updated_at: LATER };
    const [done] = detectConflicts(
      facts({
        changes: [move({ state: 'applied' })],
        pulled: merged,
        after: merged,
        newHistory: [history({})],
      }),
    );
    expect(done?.settles).toBeNull();
  });

  it('an unknown author is “Someone”; the user’s own history and older moves are no overlap', () => {
    const merged = { ...noah, status_id: STATUS.negotiation };
    const anonymous = detectConflicts(
      facts({
        changes: [move({ state: 'applied' })],
        pulled: merged,
        after: merged,
        newHistory: [history({ changed_by: null })],
      }),
    );
    expect(anonymous.map((n) => n.message)).toEqual([
      'Someone moved Noah Harris to Won while you were offline; your move to Negotiation was applied after it.',
    ]);
    const own = detectConflicts(
      facts({
        changes: [move({ state: 'applied' })],
        pulled: merged,
        after: merged,
        newHistory: [
          history({ id: 'mine', changed_by: ANA, to_status_id: STATUS.negotiation }),
          history({ id: 'old', changed_at: '2026-12-01T09:00:00.000000+00:00' }),
          history({
            id: 'same-target',
            to_status_id: STATUS.negotiation,
            to_status_name: 'Negotiation',
          }),
        ],
      }),
    );
    expect(own).toEqual([]);
  });

  it('the same field edited by someone else: their value kept, or the user’s queued one replacing it', () => {
    const theirs = { ...noah, phone: '555-0199', updated_at: LATER };
    const kept = detectConflicts(
      facts({
        changes: [edit({ phone: '555-0123' }, { state: 'applied' })],
        pulled: theirs,
        after: theirs,
      }),
    );
    expect(kept).toEqual([
      expect.objectContaining({
        kind: 'same_field',
        id: `same_field:${noah.id}:8:phone`,
        message:
          'Another user changed the phone of Noah Harris to “555-0199” after your edit; their value is kept (yours was “555-0123”).',
      }),
    ]);
    const replacing = detectConflicts(
      facts({
        changes: [edit({ phone: '555-0123' }, { state: 'queued' })],
        pulled: theirs,
        after: { ...theirs, phone: '555-0123' },
      }),
    );
    expect(replacing.map((n) => n.message)).toEqual([
      'Another user changed the phone of Noah Harris to “555-0199” while you were offline; your “555-0123” will replace it when it syncs.',
    ]);
  });

  it('no same-field notice for a field nobody else changed, or one holding the user’s own value', () => {
    const mineLanded = { ...noah, phone: '555-0123', notes: 'Other note', updated_at: LATER };
    expect(
      detectConflicts(
        facts({
          changes: [
            edit({ phone: '555-0111' }, { state: 'applied' }),
            { ...edit({ phone: '555-0123' }, { state: 'queued' }), mutation_id: 9 },
          ],
          pulled: mineLanded,
          after: mineLanded,
        }),
      ),
    ).toEqual([]);
  });

  it('a lead reassigned away from the user, with what became of the user’s change', () => {
    const bens = { ...noah, assigned_to: BEN, updated_at: LATER };
    const notices = detectConflicts(
      facts({
        changes: [edit({ notes: 'Called' }, { state: 'applied' })],
        pulled: bens,
        after: { ...bens, notes: 'Called' },
      }),
    );
    expect(notices.map((n) => [n.kind, n.message])).toEqual([
      [
        'reassigned_away',
        'Someone reassigned Noah Harris from you to Ben Agent while you were offline; your edit of the notes was applied.',
      ],
    ]);
  });

  it('a status deleted under the user’s move into it', () => {
    const notices = detectConflicts(
      facts({
        changes: [move({ state: 'refused', message: 'Status not found' })],
        removedStatuses: new Map([[STATUS.negotiation, 'Negotiation']]),
      }),
    );
    expect(notices.map((n) => [n.kind, n.message])).toEqual([
      [
        'status_deleted',
        'Someone deleted the status Negotiation while you were offline; your move of Noah Harris to it was refused (Status not found).',
      ],
    ]);
  });

  it('a deleted lead: a manager is told it was deleted, an agent that it left the board', () => {
    const input = {
      changes: [edit({ phone: '555-0123' }, { state: 'refused', message: 'Lead not found' })],
      after: null,
      removedLeads: new Set([noah.id]),
    } as const;
    expect(detectConflicts(facts({ ...input, userIsManager: true })).map((n) => n.message)).toEqual(
      [
        'Someone deleted Noah Harris while you were offline; your edit of the phone could not be applied.',
      ],
    );
    expect(detectConflicts(facts(input)).map((n) => [n.kind, n.message])).toEqual([
      [
        'lead_removed',
        'Noah Harris left your board while you were offline (deleted, or reassigned to someone else); your edit of the phone could not be applied.',
      ],
    ]);
  });

  it('no notice when the page changes a lead the user had no change on, or only confirms theirs', () => {
    const elsewhere = { ...noah, status_id: STATUS.won, phone: '555-0199', assigned_to: BEN };
    expect(
      detectConflicts(facts({ pulled: elsewhere, after: elsewhere, newHistory: [history({})] })),
    ).toEqual([]);
    const confirmed = { ...noah, status_id: STATUS.negotiation, updated_at: LATER };
    expect(
      detectConflicts(
        facts({
          changes: [move({ state: 'applied' })],
          pulled: confirmed,
          after: confirmed,
          newHistory: [history({ changed_by: ANA, to_status_id: STATUS.negotiation })],
        }),
      ),
    ).toEqual([]);
  });
});

describe('the “since you were away” changes', () => {
  it('counts leads brought with a visible difference or new, not ones only confirmed', () => {
    const shown = new Map([[noah.id, noah]]);
    const restamped = { ...noah, updated_at: LATER, status_changed_at: LATER };
    const other = leadRow({ full_name: 'Mia', pipeline_id: PIPELINE, status_id: STATUS.new });
    expect(changedLeadIds(shown, [restamped])).toEqual([]);
    expect(changedLeadIds(shown, [{ ...noah, notes: 'x' }, other])).toEqual([noah.id, other.id]);
  });

  it('pages add up without counting a lead twice', () => {
    expect(
      mergeAwayChanges({ changed: ['a', 'b'], mine: ['a'] }, { changed: ['b', 'c'], mine: ['c'] }),
    ).toEqual({ changed: ['a', 'b', 'c'], mine: ['a', 'c'] });
  });
});
