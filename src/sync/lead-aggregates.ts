import type { DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction } from 'dexie';
import { keptOnWrite } from './kept-on-write.ts';
import { keyBounds, RANGE_READ_MIN_KEYS, rangeIsDense } from './key-range.ts';
import type { Lead, LeadAggregate } from './types.ts';

// Per-column count and premium sum, kept on write: the board's column headers are right at
// cold start without reading a single lead beyond the first screenful. A DBCore middleware
// (one place for every writer: mutate, rebase, pull's bulkPut, resetReplica's clear) updates
// the `lead_aggregates` store inside the same IndexedDB transaction that writes `leads`, so
// the two never disagree, in this tab or any other.

export const AGGREGATES_STORE = 'lead_aggregates';

type Delta = { pipeline_id: string; status_id: string; count: number; premium_sum: number };

function aggregateKey(pipelineId: string, statusId: string): string {
  return JSON.stringify([pipelineId, statusId]);
}

function addTo(deltas: Map<string, Delta>, lead: Lead, sign: 1 | -1): void {
  const key = aggregateKey(lead.pipeline_id, lead.status_id);
  const delta = deltas.get(key) ?? {
    pipeline_id: lead.pipeline_id,
    status_id: lead.status_id,
    count: 0,
    premium_sum: 0,
  };
  delta.count += sign;
  delta.premium_sum += sign * (lead.estimated_premium ?? 0);
  deltas.set(key, delta);
}

// Dexie keeps its transaction context (PSD) through its own promises only: the layers below
// (hooks, cache) read it, so these functions chain with .then and never await natively.

/** Folds `deltas` into the stored aggregates (rows at count 0 are removed). */
function applyDeltas(
  store: DBCoreTable,
  trans: DBCoreTransaction,
  deltas: Map<string, Delta>,
): Promise<unknown> | undefined {
  const changed = [...deltas.values()].filter((d) => d.count !== 0 || d.premium_sum !== 0);
  if (changed.length === 0) return undefined;
  const keys = changed.map((d) => [d.pipeline_id, d.status_id]);
  return store.getMany({ trans, keys }).then((found) => {
    const current = found as (LeadAggregate | undefined)[];
    const puts: LeadAggregate[] = [];
    const deletes: unknown[] = [];
    changed.forEach((d, i) => {
      const before = current[i];
      const count = (before?.count ?? 0) + d.count;
      const premium_sum = (before?.premium_sum ?? 0) + d.premium_sum;
      if (count <= 0) deletes.push(keys[i]);
      else puts.push({ pipeline_id: d.pipeline_id, status_id: d.status_id, count, premium_sum });
    });
    const put = puts.length > 0 ? store.mutate({ type: 'put', trans, values: puts }) : undefined;
    if (deletes.length === 0) return put;
    const del = () => store.mutate({ type: 'delete', trans, keys: deletes });
    return put ? put.then(del) : del();
  });
}

/** The leads a write replaces or removes (read in the same transaction, before the write). */
function leadsBefore(leads: DBCoreTable, req: DBCoreMutateRequest): Promise<Lead[]> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    return leads
      .query({ trans, values: true, query: { index: leads.schema.primaryKey, range: req.range } })
      .then((result) => result.result as Lead[]);
  }
  const keys: unknown[] =
    req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: unknown) => (v as Lead).id));
  const one = () =>
    leads
      .getMany({ trans, keys })
      .then((found) => (found as (Lead | undefined)[]).filter((l): l is Lead => l !== undefined));
  return keys.length < RANGE_READ_MIN_KEYS ? one() : inKeyRange(leads, trans, keys, one);
}

/**
 * The stored leads among `keys`, from the range between the lowest and highest (key-range.ts):
 * none at all for a first sync's page. When the range holds many other leads (a sparse set of
 * ids), `fallback` reads them key by key.
 */
function inKeyRange(
  leads: DBCoreTable,
  trans: DBCoreTransaction,
  keys: unknown[],
  fallback: () => Promise<Lead[]>,
): Promise<Lead[]> {
  const { lower, upper } = keyBounds(keys);
  const query = {
    index: leads.schema.primaryKey,
    range: { type: RANGE, lower, upper, lowerOpen: false, upperOpen: false },
  };
  return leads.count({ trans, query }).then((stored) => {
    if (stored === 0) return [];
    if (!rangeIsDense(stored, keys.length)) return fallback();
    return leads.query({ trans, values: true, query }).then((result) => {
      const wanted = new Set(keys);
      return (result.result as Lead[]).filter((lead) => wanted.has(lead.id));
    });
  });
}

// DBCoreRangeType.Range: Dexie declares the enum `const`, which isolated modules cannot inline.
const RANGE = 2 as DBCoreRangeType;

function aggregatingLeads(leads: DBCoreTable, aggregates: () => DBCoreTable): DBCoreTable {
  return {
    ...leads,
    mutate(req) {
      return leadsBefore(leads, req).then((before) =>
        leads.mutate(req).then((res) => {
          const deltas = new Map<string, Delta>();
          const failed = new Set(Object.keys(res.failures).map(Number));
          if (req.type === 'put' || req.type === 'add') {
            const written = req.values.filter((_, i) => !failed.has(i)) as Lead[];
            const ids = new Set(written.map((l) => l.id));
            for (const lead of before) if (ids.has(lead.id)) addTo(deltas, lead, -1);
            for (const lead of written) addTo(deltas, lead, 1);
          } else {
            for (const lead of before) addTo(deltas, lead, -1);
          }
          const done = applyDeltas(aggregates(), req.trans, deltas);
          return done ? done.then(() => res) : res;
        }),
      );
    },
  };
}

/** Registered on every LocalDb (local-db.ts). */
export const leadAggregatesMiddleware = keptOnWrite({
  name: 'leadAggregates',
  table: 'leads',
  companion: AGGREGATES_STORE,
  wrap: (leads, core) => aggregatingLeads(leads, () => core.table(AGGREGATES_STORE)),
});

/** Aggregates computed from scratch (the schema upgrade that introduces the store). */
export function aggregatesOf(leads: Iterable<Lead>): LeadAggregate[] {
  const deltas = new Map<string, Delta>();
  for (const lead of leads) addTo(deltas, lead, 1);
  return [...deltas.values()];
}
