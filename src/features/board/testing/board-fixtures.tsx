import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Router, useLocation, useSearch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { openLocalDb, type LocalDb } from '../../../sync/local-db.ts';
import type { Lead, Pipeline, PipelineStatus, Profile } from '../../../sync/types.ts';
import { INITIAL_STATUS, type SyncStatus } from '../../../sync/sync-status.ts';
import { leadRow, pipelineRow, statusRow } from '../../../sync/testing/rows.ts';
import type { SyncStatusSource } from '../hooks/use-sync-state.ts';
import { useBoardUiStore, EMPTY_FILTERS } from '../store/board-ui-store.ts';
import { useUndoStore } from '../store/undo-store.ts';
import { useSelectionStore } from '../store/selection-store.ts';
import { useBulkLedger } from '../store/bulk-ledger-store.ts';

// Real Dexie stores on fake-indexeddb (tests/setup/dom.ts), seeded per test: the board is tested
// against the same local database code the app runs, not against mocks.

const T = '2026-01-01T00:00:00.000Z';
let counter = 0;

/** Deterministic uuid-shaped ids (the sync schema checks the 8-4-4-4-12 shape). */
export function testId(n: number = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const ANA: Profile = { id: testId(9001), full_name: 'Ana Agent', role: 'agent' };
export const BEN: Profile = { id: testId(9002), full_name: 'Ben Agent', role: 'agent' };
export const MAYA: Profile = { id: testId(9003), full_name: 'Maya Manager', role: 'manager' };

export function pipeline(p: Partial<Pipeline> & { name: string }): Pipeline {
  return pipelineRow({ id: testId(), ...p }, T);
}

export function status(
  p: Partial<PipelineStatus> & { name: string; pipeline_id: string },
): PipelineStatus {
  return statusRow({ id: testId(), color_hex: '#2563EB', icon_name: 'inbox', ...p }, T);
}

export function lead(
  p: Partial<Lead> & { full_name: string; pipeline_id: string; status_id: string },
): Lead {
  return leadRow({ id: testId(), ...p }, T);
}

export async function seedDb(rows: {
  pipelines?: Pipeline[];
  statuses?: PipelineStatus[];
  leads?: Lead[];
  profiles?: Profile[];
}): Promise<LocalDb> {
  const db = await openLocalDb(`board-test-${++counter}`);
  await db.pipelines.bulkPut(rows.pipelines ?? []);
  await db.pipeline_statuses.bulkPut(rows.statuses ?? []);
  await db.leads.bulkPut(rows.leads ?? []);
  await db.profiles.bulkPut(rows.profiles ?? [ANA, BEN, MAYA]);
  return db;
}

/** A fixed sync status (the engine is not under test here). */
export function staticEngine(patch: Partial<SyncStatus> = {}): SyncStatusSource {
  const status: SyncStatus = { ...INITIAL_STATUS, ...patch };
  return { subscribe: () => () => undefined, getStatus: () => status };
}

export function resetBoardStores(): void {
  localStorage.clear();
  useBoardUiStore.setState({
    filters: EMPTY_FILTERS,
    collapsed: {},
    openLeadId: null,
    focusRequest: null,
    lastPipelineByUser: {},
  });
  useUndoStore.setState({ steps: [] });
  useSelectionStore.getState().clear();
  useBulkLedger.setState({ batches: [] });
}

function LocationProbe() {
  const [path] = useLocation();
  const search = useSearch();
  return <output aria-label="Current URL">{path + (search ? `?${search}` : '')}</output>;
}

/** Renders inside an in-memory router at `url`, with a probe showing the current URL. */
export function renderAt(url: string, element: ReactElement) {
  const location = memoryLocation({ path: url });
  return render(
    <Router hook={location.hook} searchHook={location.searchHook}>
      {element}
      <LocationProbe />
    </Router>,
  );
}
