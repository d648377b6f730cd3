import type { Lead, LeadStatusHistory } from '../types.ts';

/** What kind of overlap a notice is about (docs/sync.md, "What changed while you were away"). */
export type ConflictKind =
  'same_field' | 'moved_elsewhere' | 'reassigned_away' | 'status_deleted' | 'lead_removed';

/**
 * One "while you were away" notice, stored in the local `conflicts` table so it survives a
 * reload. The id is derived from what it is about (kind, lead, the user's mutation, the other
 * change), so seeing the same overlap in a later page never adds it twice.
 */
export interface ConflictNotice {
  id: string;
  kind: ConflictKind;
  lead_id: string;
  lead_name: string;
  /** The whole story in words: who did what, and what became of the user's change. */
  message: string;
  /** The user's mutation it is about (the outbox or `rejected` id). */
  mutation_id: number;
  created_at: string;
  /**
   * While the user's change is still queued: the sentence once the server applies it, and the
   * start of the one if it refuses it (" (reason)." follows). Null once settled, or when the
   * outcome cannot change the sentence.
   */
  settles: { applied: string; refused: string } | null;
  /** Set when the user dismissed it (kept, so the same overlap is never shown again). */
  dismissed_at: string | null;
}

/** What became of one of the user's own changes when the page arrived. */
export type OwnOutcome =
  { state: 'queued' } | { state: 'applied' } | { state: 'refused'; message: string };

/** One of this device's changes to a lead, as the conflict check sees it. */
export type OwnChange =
  | { mutation_id: number; lead_id: string; kind: 'move'; status_id: string; outcome: OwnOutcome }
  | {
      mutation_id: number;
      lead_id: string;
      kind: 'edit';
      patch: Readonly<Record<string, unknown>>;
      outcome: OwnOutcome;
    }
  | { mutation_id: number; lead_id: string; kind: 'other'; outcome: OwnOutcome };

/**
 * Everything the pure check needs about one pull page, gathered by record-conflicts.ts.
 * `before`: the server's version each change was made on (the row's base), else the row this
 * device showed. `after`: what the device shows once the page is merged (absent: gone).
 */
export interface ConflictFacts {
  userId: string;
  /** The signed-in user is a manager (sees every lead, so a lead's tombstone means deleted). */
  userIsManager: boolean;
  at: string;
  changes: readonly OwnChange[];
  before: ReadonlyMap<string, Lead>;
  after: ReadonlyMap<string, Lead>;
  /** Lead rows this page brought. */
  pulled: ReadonlyMap<string, Lead>;
  /** History rows this page brought that the device did not have. */
  newHistory: readonly LeadStatusHistory[];
  removedLeads: ReadonlySet<string>;
  /** Statuses this page removed, with their names as the device knew them. */
  removedStatuses: ReadonlyMap<string, string>;
  statusName: (statusId: string) => string | null;
  personName: (profileId: string) => string | null;
}
