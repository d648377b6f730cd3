import { getByKeys } from '../key-range.ts';
import type { LocalDb } from '../local-db.ts';
import { compareByPosition } from '../ordering.ts';
import { columnQuery } from '../read-models/column-query.ts';
import { pipelineStatuses } from '../read-models/status-order.ts';
import type { Lead, PipelineStatus } from '../types.ts';
import { joiningPartial, sortsWithin, withChanges, withLead, withoutLead } from './column-list.ts';
import { watchTable } from './table-changes.ts';

/**
 * A column's figures. An object on purpose: later figures (a weighted forecast = premiumSum ×
 * the status's win probability, a WIP limit check) are derived here beside count and sum.
 */
export interface ColumnSummary {
  count: number;
  premiumSum: number;
}

export interface ModelColumn {
  status: PipelineStatus;
  /** Leads in board order: the first screenful until `complete`, then all of them. */
  leads: readonly Lead[];
  /** Over every lead of the column (kept on write, never counted from what is loaded). */
  summary: ColumnSummary;
}

export interface BoardSnapshot {
  pipelineId: string;
  /** False until statuses, figures and the first screenful of every column are in. */
  ready: boolean;
  /** Every lead of the pipeline is in memory (filters need that to count right). */
  complete: boolean;
  /** The pipeline's statuses in column order (the same array until a status changes). */
  statuses: readonly PipelineStatus[];
  columns: readonly ModelColumn[];
}

export interface BoardModel {
  getSnapshot(): BoardSnapshot;
  subscribe(listener: () => void): () => void;
  /** Loads and starts following changes; returns the stop. */
  start(): () => void;
  getLead(id: string): Lead | undefined;
  /**
   * Shows `lead` (changed) at once, before it is written: the caller persists it with mutate
   * and then calls the returned settle, which drops the overlay and shows what the store holds
   * (the change, or the old row if mutate threw: the model reverts on its own).
   */
  applyOptimistic(lead: Lead): () => void;
  /**
   * Holds the snapshot as it is (for a drag: the drag library keeps indexes into the lists it
   * started with, and cards arriving from a pull would move them under the pointer) and
   * returns the release. Changes keep being applied meanwhile and are published at the last
   * release, at once; releasing twice is harmless.
   */
  hold: () => () => void;
}

/** Cards read per column before the first paint: more than a tall screen shows. */
export const FIRST_SCREENFUL = 40;

/** Up to this many changed leads are shown at once; more are batched (see onLeadsChanged). */
const SMALL_CHANGE = 50;
const THROTTLE_MS = 250;

const EMPTY_SUMMARY: ColumnSummary = { count: 0, premiumSum: 0 };

export function createBoardModel(db: LocalDb, pipelineId: string): BoardModel {
  const listeners = new Set<() => void>();
  let statuses: PipelineStatus[] = [];
  /** The store's rows, as last read; the overlay wins over them while a write is in flight. */
  const stored = new Map<string, Lead>();
  const overlay = new Map<string, { lead: Lead; token: symbol }>();
  const columns = new Map<string, readonly Lead[]>();
  const summaries = new Map<string, ColumnSummary>();
  let ready = false;
  let complete = false;
  let generation = 0;
  /** Keys changed while the whole pipeline was being read (re-read once it is in). */
  let dirtyDuringLoad: Set<string> | null = null;
  let snapshot: BoardSnapshot = {
    pipelineId,
    ready: false,
    complete: false,
    statuses,
    columns: [],
  };

  let holds = 0;
  let heldChanges = false;

  function publish(): void {
    if (holds > 0) {
      heldChanges = true;
      return;
    }
    snapshot = {
      pipelineId,
      ready,
      complete,
      statuses,
      columns: statuses.map((status) => ({
        status,
        leads: columns.get(status.id) ?? [],
        summary: summaries.get(status.id) ?? EMPTY_SUMMARY,
      })),
    };
    for (const listener of listeners) listener();
  }

  function shown(id: string): Lead | undefined {
    return overlay.get(id)?.lead ?? stored.get(id);
  }

  function adjust(lead: Lead, sign: 1 | -1): void {
    const s = summaries.get(lead.status_id) ?? EMPTY_SUMMARY;
    summaries.set(lead.status_id, {
      ...s,
      count: s.count + sign,
      premiumSum: s.premiumSum + sign * (lead.estimated_premium ?? 0),
    });
  }

  /**
   * Moves what the board shows for one lead from `before` to `after`. `counted`: the change is
   * not yet in the stored aggregates (an optimistic one, or any once every lead is in memory).
   */
  function replaceShown(before: Lead | undefined, after: Lead | undefined, counted: boolean) {
    if (before === after) return;
    if (before) {
      columns.set(before.status_id, withoutLead(columns.get(before.status_id) ?? [], before));
      if (counted) adjust(before, -1);
    }
    if (after && after.pipeline_id === pipelineId) {
      const list = columns.get(after.status_id) ?? [];
      // A partly loaded column takes only leads that sort inside what it already shows.
      if (complete || before || list.length < FIRST_SCREENFUL || sortsWithin(list, after)) {
        columns.set(after.status_id, withLead(list, after));
      }
      if (counted) adjust(after, 1);
    }
  }

  function setStored(id: string, row: Lead | undefined): void {
    const before = shown(id);
    if (row && row.pipeline_id === pipelineId) stored.set(id, row);
    else stored.delete(id);
    if (!overlay.has(id)) replaceShown(before, shown(id), complete);
  }

  /**
   * setStored for many rows at once (a pull page): the same outcome, but each column touched
   * is rebuilt once (withChanges) instead of copied once per lead.
   */
  function setManyStored(ids: readonly string[], rows: readonly (Lead | undefined)[]): void {
    const removed = new Map<string, Set<string>>();
    const added = new Map<string, { lead: Lead; wasShown: boolean }[]>();
    ids.forEach((id, i) => {
      const before = shown(id);
      const row = rows[i];
      if (row && row.pipeline_id === pipelineId) stored.set(id, row);
      else stored.delete(id);
      if (overlay.has(id)) return;
      const after = shown(id);
      if (before === after) return;
      if (before) {
        getOrCreate(removed, before.status_id, () => new Set()).add(id);
        if (complete) adjust(before, -1);
      }
      if (after) {
        getOrCreate(added, after.status_id, () => []).push({ lead: after, wasShown: !!before });
        if (complete) adjust(after, 1);
      }
    });
    for (const statusId of new Set([...removed.keys(), ...added.keys()])) {
      const list = columns.get(statusId) ?? [];
      const gone = removed.get(statusId) ?? new Set<string>();
      const incoming = (added.get(statusId) ?? []).sort((a, b) =>
        compareByPosition(a.lead, b.lead),
      );
      columns.set(statusId, withChanges(list, gone, taken(list, gone, incoming)));
    }
  }

  /** The additions a column takes: all once the pipeline is in memory (see joiningPartial). */
  function taken(
    list: readonly Lead[],
    gone: ReadonlySet<string>,
    incoming: readonly { lead: Lead; wasShown: boolean }[],
  ): Lead[] {
    if (complete) return incoming.map((a) => a.lead);
    return joiningPartial(list, gone, incoming, FIRST_SCREENFUL);
  }

  async function refreshLeads(ids: string[]): Promise<void> {
    const gen = generation;
    // A batch of a first sync's pages is one stretch of the id order: one range read.
    const rows = await getByKeys(db.leads, ids);
    if (gen !== generation) return;
    if (ids.length <= SMALL_CHANGE) ids.forEach((id, i) => setStored(id, rows[i]));
    else setManyStored(ids, rows);
    publish();
  }

  async function refreshSummaries(): Promise<void> {
    const gen = generation;
    const rows = await db.lead_aggregates.where('pipeline_id').equals(pipelineId).toArray();
    if (gen !== generation || complete) return;
    summaries.clear();
    for (const r of rows) summaries.set(r.status_id, { count: r.count, premiumSum: r.premium_sum });
    // Optimistic changes not written yet are not in the stored figures.
    for (const { lead } of overlay.values()) {
      const was = stored.get(lead.id);
      if (was) adjust(was, -1);
      adjust(lead, 1);
    }
    publish();
  }

  async function refreshStatuses(): Promise<void> {
    const gen = generation;
    const next = await pipelineStatuses(db, pipelineId);
    if (gen !== generation) return;
    const added = next.filter((s) => !statuses.some((old) => old.id === s.id));
    statuses = next;
    // A new column's first screenful (usually empty: it was just created).
    for (const status of added) {
      if (columns.has(status.id)) continue;
      const rows = await columnQuery(db, pipelineId, status.id).limit(FIRST_SCREENFUL).toArray();
      if (gen !== generation) return;
      for (const row of rows) if (!stored.has(row.id)) setStored(row.id, row);
    }
    publish();
  }

  function reset(): void {
    stored.clear();
    columns.clear();
    summaries.clear();
    ready = false;
    complete = false;
  }

  async function load(): Promise<void> {
    const gen = ++generation;
    reset();
    // One read transaction: during a first sync each page's write transaction holds these
    // stores for a while, and every separate read would wait for one of them.
    const [loadedStatuses, aggregates, firsts] = await db.transaction(
      'r',
      [db.pipeline_statuses, db.lead_aggregates, db.leads],
      async () => {
        const [found, figures] = await Promise.all([
          pipelineStatuses(db, pipelineId),
          db.lead_aggregates.where('pipeline_id').equals(pipelineId).toArray(),
        ]);
        // First screenful of every column from the column index: independent of pipeline size.
        const lists = await Promise.all(
          found.map((s) => columnQuery(db, pipelineId, s.id).limit(FIRST_SCREENFUL).toArray()),
        );
        return [found, figures, lists] as const;
      },
    );
    if (gen !== generation) return;
    statuses = loadedStatuses;
    for (const a of aggregates) {
      summaries.set(a.status_id, { count: a.count, premiumSum: a.premium_sum });
    }
    loadedStatuses.forEach((s, i) => {
      const rows = firsts[i] ?? [];
      columns.set(s.id, rows);
      for (const row of rows) stored.set(row.id, row);
    });
    ready = true;
    publish();

    // Then the whole pipeline, once, in the background (filters count over all of it).
    dirtyDuringLoad = new Set();
    const all = await db.leads.where('pipeline_id').equals(pipelineId).toArray();
    if (gen !== generation) return;
    const dirty = dirtyDuringLoad;
    dirtyDuringLoad = null;
    const grouped = new Map<string, Lead[]>();
    summaries.clear();
    stored.clear();
    for (const row of all) {
      stored.set(row.id, row);
      const lead = shown(row.id) ?? row;
      const list = grouped.get(lead.status_id);
      if (list) list.push(lead);
      else grouped.set(lead.status_id, [lead]);
    }
    for (const { lead } of overlay.values()) {
      if (!stored.has(lead.id) && lead.pipeline_id === pipelineId) {
        grouped.set(lead.status_id, [...(grouped.get(lead.status_id) ?? []), lead]);
      }
    }
    columns.clear();
    for (const [statusId, list] of grouped) {
      // The index hands rows back by pipeline only: sort each column once, here.
      list.sort(compareByPosition);
      columns.set(statusId, list);
      let premiumSum = 0;
      for (const lead of list) premiumSum += lead.estimated_premium ?? 0;
      summaries.set(statusId, { count: list.length, premiumSum });
    }
    complete = true;
    if (dirty.size > 0) await refreshLeads([...dirty]);
    else publish();
  }

  // Changed leads are read back in batches: a small change at once (another tab's move shows
  // in the next frame), a flood (a first sync's pages) at most every THROTTLE_MS, so the
  // board repaints a few times a second instead of once per page.
  // The first flood after a quiet spell is shown at once (a first sync's first page is the
  // first cards a new device sees); the next ones wait out the rest of THROTTLE_MS.
  const waiting = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let lastFlushAt = -Infinity;
  function flush(): void {
    flushTimer = undefined;
    lastFlushAt = Date.now();
    const ids = [...waiting];
    waiting.clear();
    if (ids.length > 0) void refreshLeads(ids);
  }

  function onLeadsChanged(keys: unknown[] | null): void {
    if (keys === null) {
      void load();
      return;
    }
    const ids = keys.filter((k): k is string => typeof k === 'string');
    if (dirtyDuringLoad) for (const id of ids) dirtyDuringLoad.add(id);
    for (const id of ids) waiting.add(id);
    if (flushTimer !== undefined) return;
    const wait = lastFlushAt + THROTTLE_MS - Date.now();
    if (waiting.size <= SMALL_CHANGE || wait <= 0) flush();
    else flushTimer = setTimeout(flush, wait);
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getLead: shown,
    start() {
      const stops = [
        watchTable(db, 'leads', onLeadsChanged),
        watchTable(db, 'lead_aggregates', () => void refreshSummaries()),
        watchTable(db, 'pipeline_statuses', () => void refreshStatuses()),
      ];
      void load();
      return () => {
        generation++;
        clearTimeout(flushTimer);
        flushTimer = undefined;
        waiting.clear();
        for (const stop of stops) stop();
      };
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        if (holds === 0 && heldChanges) {
          heldChanges = false;
          publish();
        }
      };
    },
    applyOptimistic(lead) {
      const token = Symbol(lead.id);
      const before = shown(lead.id);
      overlay.set(lead.id, { lead, token });
      replaceShown(before, lead, true);
      publish();
      return () => {
        if (overlay.get(lead.id)?.token !== token) return;
        // The store decides now (the change, or the old row when the write failed).
        void db.leads.get(lead.id).then((row) => {
          if (overlay.get(lead.id)?.token !== token) return;
          const was = shown(lead.id);
          overlay.delete(lead.id);
          if (row && row.pipeline_id === pipelineId) stored.set(lead.id, row);
          else stored.delete(lead.id);
          // Figures: the optimistic delta comes out; before `complete` the stored aggregate
          // already holds the written change (or never had it).
          replaceShown(was, shown(lead.id), complete);
          if (!complete) void refreshSummaries();
          publish();
        });
      };
    },
  };
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = create();
  map.set(key, made);
  return made;
}
