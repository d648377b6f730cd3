import { nameKey } from './status-names.ts';

type NamedStatus = { id: string; name: string };

/** from status id → target status id ('' while the person has not chosen one). */
export type StatusMap = Record<string, string>;

/**
 * Guided move: each status of the pipeline being deleted is paired with the target pipeline's
 * status of the same name (case-insensitive); statuses without a namesake stay unchosen so the
 * person decides where those leads go rather than the app guessing.
 */
export function prefillStatusMap(from: readonly NamedStatus[], to: readonly NamedStatus[]) {
  const byName = new Map(to.map((s) => [nameKey(s.name), s.id]));
  const map: StatusMap = {};
  for (const status of from) map[status.id] = byName.get(nameKey(status.name)) ?? '';
  return map;
}

/** Statuses that still hold leads but have no target yet (these block the move). */
export function unmappedStatusIds(map: StatusMap, leadCounts: ReadonlyMap<string, number>) {
  return Object.keys(map).filter((id) => (leadCounts.get(id) ?? 0) > 0 && !map[id]);
}

/** Only the pairs the server needs: statuses with leads, each with a chosen target. */
export function statusMapForMove(map: StatusMap, leadCounts: ReadonlyMap<string, number>) {
  const result: StatusMap = {};
  for (const [fromId, toId] of Object.entries(map)) {
    if (toId && (leadCounts.get(fromId) ?? 0) > 0) result[fromId] = toId;
  }
  return result;
}

export function totalLeads(leadCounts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of leadCounts.values()) total += n;
  return total;
}
