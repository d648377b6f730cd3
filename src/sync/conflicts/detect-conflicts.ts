import type { Lead, LeadStatusHistory } from '../types.ts';
import { describeOutcome, describeOwnChange, describeValue, fieldLabel } from './conflict-words.ts';
import type {
  ConflictFacts,
  ConflictKind,
  ConflictNotice,
  OwnChange,
  OwnOutcome,
} from './types.ts';

/**
 * The pure half of "what changed while you were away": given what one pull page brought and
 * the user's own changes to the same leads, the overlaps in words. It never decides who wins:
 * the merge (field-level last write, moves as one unit, the server's refusals) has already
 * happened, and each sentence says what it did, read from the merged rows (`after`).
 *
 * No notice without an overlap: a page that only changes leads the user had no change on, or
 * only confirms the user's own changes, says nothing here (the "since you were away" summary
 * counts those).
 */
export function detectConflicts(facts: ConflictFacts): ConflictNotice[] {
  const notices: ConflictNotice[] = [];
  const byLead = new Map<string, OwnChange[]>();
  for (const change of [...facts.changes].sort((a, b) => a.mutation_id - b.mutation_id)) {
    const list = byLead.get(change.lead_id) ?? [];
    list.push(change);
    byLead.set(change.lead_id, list);
  }
  for (const [leadId, changes] of byLead) {
    const lead = facts.after.get(leadId) ?? facts.pulled.get(leadId) ?? facts.before.get(leadId);
    if (!lead) continue;
    const add = (
      kind: ConflictKind,
      change: OwnChange,
      [message, settles]: [string, ConflictNotice['settles']],
      about = '',
    ) =>
      notices.push({
        id: [kind, leadId, change.mutation_id, about].filter((p) => p !== '').join(':'),
        kind,
        lead_id: leadId,
        lead_name: lead.full_name,
        message,
        mutation_id: change.mutation_id,
        created_at: facts.at,
        settles: change.outcome.state === 'queued' ? settles : null,
        dismissed_at: null,
      });
    const latest = changes[changes.length - 1];
    if (!latest) continue;

    if (facts.removedLeads.has(leadId)) {
      add('lead_removed', latest, [removedMessage(facts, lead, latest), null]);
      continue; // nothing else about a lead that is gone
    }
    const lastMove = [...changes].reverse().find((c) => c.kind === 'move');
    if (lastMove?.kind === 'move' && facts.removedStatuses.has(lastMove.status_id)) {
      const say = (o: OwnOutcome) => statusDeletedMessage(facts, lead, { ...lastMove, outcome: o });
      add('status_deleted', lastMove, sayings(lastMove.outcome, say));
    } else if (lastMove?.kind === 'move') {
      const theirs = otherMove(facts, leadId, lastMove.status_id);
      const say = (o: OwnOutcome) =>
        theirs ? movedMessage(facts, lead, { ...lastMove, outcome: o }, theirs) : '';
      if (theirs) add('moved_elsewhere', lastMove, sayings(lastMove.outcome, say), theirs.id);
    }
    for (const [field, change, mine] of sameFieldOverlaps(facts, leadId, changes)) {
      const say = (o: OwnOutcome) =>
        sameFieldMessage(facts, lead, field, { ...change, outcome: o }, mine);
      add('same_field', change, sayings(change.outcome, say), field);
    }
    const reassigned = reassignedTo(facts, leadId);
    if (reassigned !== undefined) {
      const say = (o: OwnOutcome) =>
        reassignedMessage(facts, lead, { ...latest, outcome: o }, reassigned);
      add('reassigned_away', latest, sayings(latest.outcome, say));
    }
  }
  return notices;
}

/**
 * The sentence for the change's outcome now and, while it is queued, the ones for when the
 * server answers (the refusal's reason is in the "Rejected changes" list by then).
 */
function sayings(
  outcome: OwnOutcome,
  say: (outcome: OwnOutcome) => string,
): [string, ConflictNotice['settles']] {
  if (outcome.state !== 'queued') return [say(outcome), null];
  return [
    say(outcome),
    {
      applied: say({ state: 'applied' }),
      refused: say({ state: 'refused', message: 'see “Rejected changes”' }),
    },
  ];
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** The latest move of the lead by someone else since the version the user's change was made on. */
function otherMove(
  facts: ConflictFacts,
  leadId: string,
  myTarget: string,
): LeadStatusHistory | undefined {
  const before = facts.before.get(leadId);
  if (!before) return undefined; // no server version to compare with (made offline, or reset)
  const since = time(before.updated_at);
  return facts.newHistory
    .filter(
      (h) =>
        h.lead_id === leadId &&
        h.changed_by !== facts.userId &&
        time(h.changed_at) > since &&
        h.to_status_id !== myTarget,
    )
    .sort((a, b) => time(a.changed_at) - time(b.changed_at))
    .at(-1);
}

function movedMessage(
  facts: ConflictFacts,
  lead: Lead,
  mine: Extract<OwnChange, { kind: 'move' }>,
  theirs: LeadStatusHistory,
): string {
  const who = (theirs.changed_by && facts.personName(theirs.changed_by)) || 'Someone';
  const target = facts.statusName(mine.status_id) ?? 'another status';
  const head = `${who} moved ${lead.full_name} to ${theirs.to_status_name}`;
  if (mine.outcome.state === 'refused') {
    return `${head} while you were offline; your move to ${target} was refused (${mine.outcome.message}).`;
  }
  const after = facts.after.get(lead.id);
  if (after?.status_id === mine.status_id) {
    return mine.outcome.state === 'queued'
      ? `${head} while you were offline; your move to ${target} will be applied after it when it syncs.`
      : `${head} while you were offline; your move to ${target} was applied after it.`;
  }
  const now = after
    ? (facts.statusName(after.status_id) ?? theirs.to_status_name)
    : theirs.to_status_name;
  return `${head} after your move to ${target}; it is in ${now} now.`;
}

/**
 * Fields the user changed that the page brings with a value that is neither the version the
 * change was made on nor any value the user set: someone else wrote them meanwhile. Only the
 * user's latest change of each field is compared (an earlier one was replaced by the user).
 */
function sameFieldOverlaps(
  facts: ConflictFacts,
  leadId: string,
  changes: readonly OwnChange[],
): [string, OwnChange, unknown][] {
  const before = facts.before.get(leadId) as Record<string, unknown> | undefined;
  const pulled = facts.pulled.get(leadId) as Record<string, unknown> | undefined;
  if (!before || !pulled) return [];
  const mineByField = new Map<string, unknown[]>();
  const latestByField = new Map<string, OwnChange>();
  for (const change of changes) {
    if (change.kind !== 'edit' || change.outcome.state === 'refused') continue;
    for (const [field, value] of Object.entries(change.patch)) {
      mineByField.set(field, [...(mineByField.get(field) ?? []), value]);
      latestByField.set(field, change);
    }
  }
  const overlaps: [string, OwnChange, unknown][] = [];
  for (const [field, change] of latestByField) {
    const theirs = pulled[field];
    if (same(theirs, before[field])) continue;
    if ((mineByField.get(field) ?? []).some((mine) => same(mine, theirs))) continue;
    const mine = change.kind === 'edit' ? change.patch[field] : undefined;
    overlaps.push([field, change, mine]);
  }
  return overlaps;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

function sameFieldMessage(
  facts: ConflictFacts,
  lead: Lead,
  field: string,
  change: OwnChange,
  mine: unknown,
): string {
  const value = (v: unknown) => describeValue(field, v, facts.personName);
  const theirs = (facts.pulled.get(lead.id) as unknown as Record<string, unknown>)[field];
  const shown = (facts.after.get(lead.id) as unknown as Record<string, unknown> | undefined)?.[
    field
  ];
  // Leads carry no author of a field edit: never guess one.
  const head = `Another user changed the ${fieldLabel(field)} of ${lead.full_name} to ${value(theirs)}`;
  // The user's value is still the one shown: theirs came first, and the user's goes (went) after.
  if (same(shown, mine)) {
    if (change.outcome.state === 'queued') {
      return `${head} while you were offline; your ${value(mine)} will replace it when it syncs.`;
    }
    if (change.outcome.state === 'applied') {
      return `${head} while you were offline; your ${value(mine)} was applied after it.`;
    }
    return `${head} while you were offline; your ${value(mine)} was refused (${change.outcome.message}).`;
  }
  return `${head} after your edit; their value is kept (yours was ${value(mine)}).`;
}

/** The lead's new assignee when the page took it away from the user (null: the pool). */
function reassignedTo(facts: ConflictFacts, leadId: string): string | null | undefined {
  const before = facts.before.get(leadId);
  const pulled = facts.pulled.get(leadId);
  if (!before || !pulled || before.assigned_to !== facts.userId) return undefined;
  return pulled.assigned_to === facts.userId ? undefined : pulled.assigned_to;
}

function reassignedMessage(
  facts: ConflictFacts,
  lead: Lead,
  change: OwnChange,
  to: string | null,
): string {
  const whom =
    to === null ? 'no one (the unassigned pool)' : (facts.personName(to) ?? 'another agent');
  const mine = describeOwnChange(change, facts.statusName);
  return `Someone reassigned ${lead.full_name} from you to ${whom} while you were offline; your ${mine} ${describeOutcome(change.outcome)}.`;
}

function removedMessage(facts: ConflictFacts, lead: Lead, change: OwnChange): string {
  const mine = describeOwnChange(change, facts.statusName);
  const fate =
    change.outcome.state === 'applied'
      ? `your ${mine} had been saved before it was removed`
      : `your ${mine} could not be applied`;
  // A manager sees every lead, so its tombstone means deleted; an agent's may mean reassigned.
  return facts.userIsManager
    ? `Someone deleted ${lead.full_name} while you were offline; ${fate}.`
    : `${lead.full_name} left your board while you were offline (deleted, or reassigned to someone else); ${fate}.`;
}

function statusDeletedMessage(
  facts: ConflictFacts,
  lead: Lead,
  move: Extract<OwnChange, { kind: 'move' }>,
): string {
  const status = facts.removedStatuses.get(move.status_id) ?? 'a status';
  const fate =
    move.outcome.state === 'refused'
      ? `was refused (${move.outcome.message})`
      : move.outcome.state === 'queued'
        ? 'cannot be applied'
        : 'had been applied before it was deleted';
  return `Someone deleted the status ${status} while you were offline; your move of ${lead.full_name} to it ${fate}.`;
}
