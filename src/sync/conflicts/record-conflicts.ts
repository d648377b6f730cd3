import type { LocalDb } from '../local-db.ts';
import { getByKeys } from '../key-range.ts';
import { META_KEYS, localDbUserId } from '../local-db.ts';
import { mutationGroup } from '../mutations/registry.ts';
import { queuedTouching } from '../pending.ts';
import { rowKey } from '../row-key.ts';
import type { MutationResult, PullPage } from '../sync-api.ts';
import type { Lead, OutboxEntry, RejectedMutation } from '../types.ts';
import { changedLeadIds, mergeAwayChanges, type AwaySummary } from './away-changes.ts';
import { detectConflicts } from './detect-conflicts.ts';
import type { ConflictFacts, OwnChange, OwnOutcome } from './types.ts';

/**
 * The store half of the conflict check, run by applyPullPage inside its transaction: `begin`
 * reads what the device knew before the page (the user's changes to the page's leads, their
 * bases, the rows it showed), `finish` reads the merged result, asks detectConflicts for the
 * notices and stores the new ones. It reads only the rows the page names, so a page still
 * costs what it changed. While the device is back from being offline it also gathers the
 * "since you were away" summary (the last page of that pull finishes it).
 */
export async function beginConflictCheck(
  db: LocalDb,
  page: PullPage,
  now: string,
): Promise<{ finish(): Promise<void> }> {
  const userId = localDbUserId(db);
  const pulledLeads = page.rows.leads ?? [];
  // Only someone else's history rows can tell of a change the user did not make (otherMove in
  // detect-conflicts.ts): the user's own moves coming back, e.g. 1,000 moves pushed after being
  // offline, name no lead to compare.
  const pulledHistory = (page.rows.lead_status_history ?? []).filter(
    (h) => h.changed_by !== userId,
  );
  const removedLeads = new Set(page.tombstones.filter((t) => t.table === 'leads').map((t) => t.id));
  const removedStatusIds = page.tombstones
    .filter((t) => t.table === 'pipeline_statuses')
    .map((t) => t.id);
  const named = new Set([
    ...pulledLeads.map((l) => l.id),
    ...removedLeads,
    ...pulledHistory.map((h) => h.lead_id),
  ]);

  const changes = await ownChanges(db, named, removedStatusIds, page.mutations);
  const changed = [...new Set(changes.map((c) => c.lead_id))];
  // Every notice is about one of the user's own changes: with none on this page's leads (a new
  // device's first sync, any pull with an empty queue) there is nothing to compare.
  const compare = changes.length > 0;
  const awaySince = await db.meta.get(META_KEYS.awaySince);
  const away = typeof awaySince?.value === 'string' ? awaySince.value : null;
  // The rows the device shows of the changed leads and, only while back from offline, of every
  // lead the page brings: one read (after 1,000 offline moves they are the same 1,000 leads).
  const shownIds =
    away === null ? changed : [...new Set([...changed, ...pulledLeads.map((l) => l.id)])];
  const [bases, shownRows, removedStatuses, knownHistory] = await Promise.all([
    getByKeys(
      db.base,
      changed.map((id) => ['leads', id] as ['leads', string]),
    ),
    getByKeys(db.leads, shownIds),
    db.pipeline_statuses.bulkGet(compare ? removedStatusIds : []),
    db.lead_status_history.bulkGet(compare ? pulledHistory.map((h) => h.id) : []),
  ]);
  const shown = new Map<string, Lead>();
  for (const row of shownRows) if (row) shown.set(row.id, row);
  const before = new Map<string, Lead>();
  changed.forEach((id, i) => {
    // The server's version the change was made on; without one, the row the device showed.
    const row = (bases[i]?.row as Lead | null | undefined) ?? shown.get(id);
    if (row) before.set(id, row);
  });
  const newHistory = pulledHistory.filter((_, i) => knownHistory[i] === undefined);
  const removedStatusNames = new Map<string, string>();
  removedStatuses.forEach((s) => s && removedStatusNames.set(s.id, s.name));
  const shownBefore = new Map<string, Lead>();
  if (away !== null) {
    for (const lead of pulledLeads) {
      const row = shown.get(lead.id);
      if (row) shownBefore.set(lead.id, row);
    }
  }

  return {
    async finish() {
      const pulled = new Map(pulledLeads.map((l) => [l.id, l]));
      // The same leads as shown before, as they are now: one read for both uses below.
      const current = await storedLeads(db, shownIds);
      const after = new Map<string, Lead>();
      for (const id of changed) {
        const row = current.get(id);
        if (row) after.set(id, row);
      }
      const notices = !compare
        ? []
        : detectConflicts(
            await withNames(db, {
              userId,
              userIsManager: false,
              at: now,
              changes,
              before,
              after,
              pulled,
              newHistory,
              removedLeads,
              removedStatuses: removedStatusNames,
              statusName: () => null,
              personName: () => null,
            }),
          );
      if (notices.length > 0) {
        const existing = await db.conflicts.bulkGet(notices.map((n) => n.id));
        await db.conflicts.bulkAdd(notices.filter((_, i) => existing[i] === undefined));
      }
      await settleNotices(db, page.mutations);
      if (away === null) return;
      const pageChanged = [
        ...new Set([...changedLeadIds(shownBefore, pulledLeads), ...notices.map((n) => n.lead_id)]),
      ];
      const read = new Set(shownIds);
      const unread = pageChanged.filter((id) => !read.has(id));
      const present =
        unread.length === 0 ? current : new Map([...current, ...(await storedLeads(db, unread))]);
      const mineIds = new Set(changed);
      await gatherAway(db, page, away, now, {
        changed: pageChanged.filter((id) => present.has(id)),
        mine: pageChanged.filter(
          (id) => present.get(id)?.assigned_to === userId || (present.has(id) && mineIds.has(id)),
        ),
      });
    },
  };
}

/**
 * Notices written while the user's change was queued get their final sentence once the server
 * answers for it: in this page's confirmations, or refused by the push just before this pull.
 */
async function settleNotices(db: LocalDb, results: readonly MutationResult[]): Promise<void> {
  const answered = new Map<number, boolean>(
    results.map((r) => [r.mutation_id, r.status === 'applied']),
  );
  for (const r of await recentlyRefused(db)) answered.set(r.mutation_id, false);
  if (answered.size === 0) return;
  const open = await db.conflicts
    .where('mutation_id')
    .anyOf([...answered.keys()])
    .filter((n) => n.settles !== null)
    .toArray();
  for (const n of open) {
    if (!n.settles) continue;
    const message = answered.get(n.mutation_id) ? n.settles.applied : n.settles.refused;
    await db.conflicts.update(n.id, { message, settles: null });
  }
}

/** Changes the server refused since the last sync finished (a push just before this pull). */
async function recentlyRefused(db: LocalDb): Promise<RejectedMutation[]> {
  const synced = (await db.meta.get(META_KEYS.lastSyncedAt))?.value;
  return typeof synced === 'string'
    ? db.rejected.where('rejected_at').above(synced).toArray()
    : db.rejected.toArray();
}

async function storedLeads(db: LocalDb, ids: readonly string[]): Promise<Map<string, Lead>> {
  const rows = await getByKeys(db.leads, ids);
  const map = new Map<string, Lead>();
  for (const row of rows) if (row) map.set(row.id, row);
  return map;
}

/** Fills in the names (people, statuses) and the user's role the sentences need. */
async function withNames(db: LocalDb, facts: ConflictFacts): Promise<ConflictFacts> {
  const people = new Set<string>([facts.userId]);
  const statuses = new Set<string>();
  for (const h of facts.newHistory) if (h.changed_by) people.add(h.changed_by);
  for (const lead of [...facts.pulled.values(), ...facts.after.values()]) {
    if (lead.assigned_to) people.add(lead.assigned_to);
    statuses.add(lead.status_id);
  }
  for (const change of facts.changes) {
    if (change.kind === 'move') statuses.add(change.status_id);
    if (change.kind === 'edit' && typeof change.patch.assigned_to === 'string') {
      people.add(change.patch.assigned_to);
    }
  }
  const [profiles, statusRows] = await Promise.all([
    db.profiles.bulkGet([...people]),
    db.pipeline_statuses.bulkGet([...statuses]),
  ]);
  const personNames = new Map<string, string>();
  for (const p of profiles) if (p) personNames.set(p.id, p.full_name);
  const statusNames = new Map<string, string>(facts.removedStatuses);
  for (const s of statusRows) if (s) statusNames.set(s.id, s.name);
  return {
    ...facts,
    userIsManager: profiles.find((p) => p?.id === facts.userId)?.role === 'manager',
    statusName: (id) => statusNames.get(id) ?? null,
    personName: (id) => personNames.get(id) ?? null,
  };
}

/**
 * The user's changes to the named leads: queued ones (the outbox, before the page settles any),
 * and ones refused since the last sync finished (a push just before this pull refused them, so
 * they are no longer queued). Moves into a status the page removes count too.
 */
async function ownChanges(
  db: LocalDb,
  leadIds: ReadonlySet<string>,
  removedStatusIds: readonly string[],
  results: readonly MutationResult[],
): Promise<OwnChange[]> {
  const keys = [...leadIds].map((id) => rowKey('leads', id));
  const queued = await queuedTouching(db, keys);
  if (removedStatusIds.length > 0) queued.push(...(await db.outbox.toArray()));
  const refused = await recentlyRefused(db);
  const answers = new Map(results.map((r) => [r.mutation_id, r]));
  const removedStatuses = new Set(removedStatusIds);
  const seen = new Set<number>();
  const changes: OwnChange[] = [];
  for (const entry of [...queued, ...refused]) {
    if (seen.has(entry.mutation_id)) continue;
    seen.add(entry.mutation_id);
    const change = asChange(entry, outcomeOf(entry, answers.get(entry.mutation_id)));
    if (!change) continue;
    const intoRemoved = change.kind === 'move' && removedStatuses.has(change.status_id);
    if (leadIds.has(change.lead_id) || intoRemoved) changes.push(change);
  }
  return changes;
}

function outcomeOf(
  entry: OutboxEntry | RejectedMutation,
  answer: MutationResult | undefined,
): OwnOutcome {
  if ('rejected_at' in entry) return { state: 'refused', message: entry.message };
  if (answer?.status === 'rejected') {
    return { state: 'refused', message: answer.message ?? 'Refused by the server' };
  }
  return answer?.status === 'applied' || entry.state === 'applied'
    ? { state: 'applied' }
    : { state: 'queued' };
}

function asChange(entry: OutboxEntry | RejectedMutation, outcome: OwnOutcome): OwnChange | null {
  if (!isLeadMutation(entry.name)) return null;
  const args = entry.args as { id?: unknown; status_id?: unknown; patch?: unknown } | null;
  if (typeof args?.id !== 'string') return null;
  const base = { mutation_id: entry.mutation_id, lead_id: args.id, outcome };
  if (entry.name === 'move_lead' && typeof args.status_id === 'string') {
    return { ...base, kind: 'move', status_id: args.status_id };
  }
  if (entry.name === 'update_lead' && typeof args.patch === 'object' && args.patch !== null) {
    return { ...base, kind: 'edit', patch: args.patch as Record<string, unknown> };
  }
  return { ...base, kind: 'other' };
}

function isLeadMutation(name: string): boolean {
  return mutationGroup(name) === 'leads'; // undefined for a name this build does not know
}

/** Adds the page's changed leads to the summary; the last page of the pull finishes it. */
async function gatherAway(
  db: LocalDb,
  page: PullPage,
  since: string,
  now: string,
  pageChanges: { changed: string[]; mine: string[] },
): Promise<void> {
  const stored = (await db.meta.get(META_KEYS.awayDraft))?.value as
    { changed: string[]; mine: string[] } | undefined;
  const draft = mergeAwayChanges(stored ?? { changed: [], mine: [] }, pageChanges);
  if (page.has_more || page.next_cursor === null) {
    await db.meta.put({ key: META_KEYS.awayDraft, value: draft });
    return;
  }
  await db.meta.bulkDelete([META_KEYS.awaySince, META_KEYS.awayDraft]);
  if (draft.changed.length === 0) return;
  const summary: AwaySummary = { since, until: now, ...draft };
  await db.meta.put({ key: META_KEYS.awaySummary, value: summary });
}
