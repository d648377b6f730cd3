import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import { pendingRowsOf } from '../../../sync/pending-rows.ts';
import { dismissRejected } from '../../../sync/reject.ts';
import { dismissAwaySummary, dismissConflict } from '../../../sync/conflicts/away.ts';
import type { Lead } from '../../../sync/types.ts';
import { useBenchHooks } from '../bench/use-bench-hooks.ts';
import { usePipelines, useProfiles } from '../hooks/use-board-data.ts';
import { useBoardColumns } from '../hooks/use-board-columns.ts';
import { useBoardModel } from '../hooks/use-board-model.ts';
import { useAwaySummary, useConflictNotices } from '../hooks/use-away-changes.ts';
import { useConflictAnnouncements } from '../hooks/use-conflict-announcements.ts';
import { useCardContext } from '../hooks/use-card-context.ts';
import { useLeadActions } from '../hooks/use-lead-actions.ts';
import { useSelectedPipeline } from '../hooks/use-selected-pipeline.ts';
import { PendingRowsContext } from '../hooks/use-pending-row.ts';
import { useRejectedChanges, type SyncStatusSource } from '../hooks/use-sync-state.ts';
import { useStageMoves } from '../hooks/use-stage-moves.ts';
import { useUndoShortcut } from '../hooks/use-undo-shortcut.ts';
import { useBulkBoard } from '../hooks/use-bulk-board.ts';
import { useBulkRefusals } from '../hooks/use-bulk-refusals.ts';
import { useSelectionKeys } from '../hooks/use-selection-keys.ts';
import { undoMessage } from '../lib/announcements.ts';
import { forecastFromColumns } from '../lib/forecast.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { AwaySummary } from './away-summary.tsx';
import { BoardColumns } from './board-columns.tsx';
import { ConflictNotices } from './conflict-notices.tsx';
import { BoardHeader } from './board-header.tsx';
import { EmptyPipeline } from './empty-pipeline.tsx';
import { SelectionBar } from './selection-bar.tsx';
import './board.css';
import './away-changes.css';

// The drawer (the lead form, its status history) and the lost-reason prompt are off the board's
// first paint: fetched once the board has painted (so they open at once), and precached by the
// service worker with every chunk, so they open offline too.
const loadLeadDrawer = () => import('./lead-drawer.tsx');
const loadLostReasonDialog = () => import('./lost-reason-dialog.tsx');
const LeadDrawer = lazy(() => loadLeadDrawer().then((m) => ({ default: m.LeadDrawer })));
const LostReasonDialog = lazy(() =>
  loadLostReasonDialog().then((m) => ({ default: m.LostReasonDialog })),
);

export type BoardUser = { id: string; full_name: string; role: 'agent' | 'manager' };

export type BoardPageProps = {
  db: LocalDb;
  user: BoardUser;
  engine: SyncStatusSource;
  /** False when pipeline management is off: the board then always shows the default pipeline. */
  showPipelineSelector?: boolean;
  /** Where managers manage statuses (linked from the empty state). */
  pipelinesHref?: string;
};

/** The board at /dashboard/leads: header (selector, search, filters, sync) and the columns. */
export function BoardPage(props: BoardPageProps) {
  const { db, user, engine, showPipelineSelector = true } = props;
  const pipelines = usePipelines(db);
  const { pipeline, select } = useSelectedPipeline(pipelines, user.id, !showPipelineSelector);
  const { model, snapshot } = useBoardModel(db, pipeline?.id ?? null);
  // The model's statuses: the columns and the cards' status lookups always agree.
  const statuses = snapshot?.ready ? snapshot.statuses : undefined;
  const profiles = useProfiles(db);
  // Each card follows its own lead's pending state (use-pending-row.ts), not the board.
  const pendingRows = useMemo(() => pendingRowsOf(db), [db]);
  const { rejected, byLead } = useRejectedChanges(db);
  const modelColumns = useBoardColumns(snapshot, user.id);
  // No pipeline at all (once pipelines are in): the empty state, not "loading".
  const columns = pipeline ? modelColumns : pipelines === undefined ? undefined : [];
  useEffect(() => {
    // After the first paint; a failed fetch (offline, not yet cached) is retried on first use.
    loadLeadDrawer().catch(() => undefined);
    loadLostReasonDialog().catch(() => undefined);
  }, []);
  const openLeadId = useBoardUiStore((s) => s.openLeadId);
  const openLead = useBoardUiStore((s) => s.openLead);
  const requestFocus = useBoardUiStore((s) => s.requestFocus);
  const actions = useLeadActions(db, user.id, model);
  useBenchHooks(model, actions);
  const [notice, setNotice] = useState('');

  const report = useCallback((message: string) => setNotice(message), []);
  const fail = useCallback(
    (error: unknown) =>
      report(
        `That change could not be made: ${error instanceof Error ? error.message : String(error)}`,
      ),
    [report],
  );
  const statusName = useCallback(
    (id: string) => statuses?.find((s) => s.id === id)?.name ?? 'another status',
    [statuses],
  );
  // Totals from the columns' figures: after filters over every lead of the pipeline, and the
  // model's sums kept on write without filters (never only the loaded or rendered cards).
  const forecast = useMemo(() => {
    if (!statuses || !modelColumns || !snapshot?.ready) return undefined;
    const wipCounts = new Map(snapshot.columns.map((c) => [c.status.id, c.summary.count]));
    return forecastFromColumns(
      statuses,
      modelColumns.map((c) => ({
        statusId: c.status.id,
        count: c.count,
        premiumSum: c.premiumSum,
        wipCount: wipCounts.get(c.status.id) ?? 0,
      })),
    );
  }, [statuses, modelColumns, snapshot]);
  const { guard, guardMany, lostPrompt, cancelLost } = useStageMoves({
    statuses,
    forecast,
    report,
  });
  const bulk = useBulkBoard({
    db,
    model,
    pipelineId: pipeline?.id ?? null,
    columns,
    statuses,
    guardMany,
    report,
    fail,
    statusName,
    agentName: (id) => profiles.get(id)?.full_name ?? 'another agent',
  });
  useBulkRefusals(rejected, report);
  useSelectionKeys(useCallback(() => report('Selection cleared.'), [report]));
  // What changed while the user was away (src/sync/conflicts/): notices and the summary.
  const conflicts = useConflictNotices(db);
  const awaySummary = useAwaySummary(db);
  useConflictAnnouncements(conflicts.loaded ? conflicts.notices : undefined, report);
  const onDismissConflict = useCallback(
    (id: string) => void dismissConflict(db, id, new Date().toISOString()).catch(fail),
    [db, fail],
  );

  const pipelineId = pipeline?.id ?? null;
  const onQuickAdd = useCallback(
    (statusId: string, values: { full_name: string; product: string }) =>
      pipelineId ? actions.quickAdd(pipelineId, statusId, values) : Promise.resolve(null),
    [pipelineId, actions],
  );

  // Focus follows the moved card into its new column (the old card element goes away).
  const onMoveTo = useCallback(
    (lead: Lead, statusId: string) => {
      requestFocus(lead.id, statusId);
      guard(
        lead,
        statusId,
        (reason) => actions.moveToStatus(lead, statusId, reason),
        (wip) =>
          report(
            `Moved ${lead.full_name} to ${statusName(statusId)}. ${wip ? `${wip} ` : ''}Press Control+Z to undo.`,
          ),
      ).catch(fail);
    },
    [actions, report, fail, statusName, requestFocus, guard],
  );
  const onMove = useCallback(
    (lead: Lead, statusId: string, index: number, destination: readonly Lead[]) => {
      if (statusId !== lead.status_id) requestFocus(lead.id, statusId);
      guard(
        lead,
        statusId,
        (reason) => actions.moveLead(lead, statusId, index, destination, reason),
        (wip) => wip && report(`Moved ${lead.full_name} to ${statusName(statusId)}. ${wip}`),
      ).catch(fail);
    },
    [actions, fail, requestFocus, guard, report, statusName],
  );
  useUndoShortcut(() => {
    void actions
      .undoLastMove()
      .then((undone) => report(undone ? undoMessage(undone, statusName) : 'Nothing to undo.'))
      .catch(fail);
  });

  const card = useCardContext({
    statuses: statuses ?? [],
    profiles,
    rejectedByLead: byLead,
    onOpen: openLead,
    onMoveTo,
    conflictByLead: conflicts.byLead,
    onDismissConflict,
    onSelect: bulk.onSelect,
  });
  const agents = useMemo(
    () => [...profiles.values()].filter((p) => p.role === 'agent'),
    [profiles],
  );

  return (
    <div className="board-page">
      <BoardHeader
        pipelines={showPipelineSelector ? (pipelines ?? []) : null}
        selectedId={pipeline?.id ?? null}
        onSelect={select}
        agents={agents}
        engine={engine}
        rejected={rejected}
        leadName={(id) => model?.getLead(id)?.full_name ?? null}
        onDismissRejected={(mutationId) => void dismissRejected(db, mutationId).catch(fail)}
        forecast={forecast}
        away={
          <>
            <ConflictNotices
              notices={conflicts.notices}
              onShow={openLead}
              onDismiss={onDismissConflict}
            />
            <AwaySummary
              summary={awaySummary}
              onDismiss={() => void dismissAwaySummary(db).catch(fail)}
            />
          </>
        }
        counts={{
          shown: (columns ?? []).reduce((sum, c) => sum + c.count, 0),
          total: (snapshot?.columns ?? []).reduce((sum, c) => sum + c.summary.count, 0),
        }}
      />
      <p className="board-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {bulk.selected.length > 0 && statuses && (
        <SelectionBar
          count={bulk.selected.length}
          statuses={bulk.moveTargets}
          agents={
            user.role === 'manager' ? agents.map((a) => ({ id: a.id, label: a.full_name })) : null
          }
          onMove={bulk.moveSelectedTo}
          onReassign={bulk.reassignSelected}
          onClear={() => {
            bulk.clear();
            report('Selection cleared.');
          }}
        />
      )}
      {pipelines === undefined || columns === undefined ? (
        <p className="board-loading">Loading the board…</p>
      ) : columns.length === 0 ? (
        <EmptyPipeline
          pipelineName={pipeline?.name ?? null}
          canManage={user.role === 'manager'}
          manageHref={props.pipelinesHref ?? '/dashboard/pipelines'}
        />
      ) : (
        <PendingRowsContext value={pendingRows}>
          <BoardColumns
            columns={columns}
            card={card}
            forecasts={forecast?.columns}
            onMove={onMove}
            onMoveSelected={bulk.dropSelected}
            onQuickAdd={onQuickAdd}
            holdColumns={model?.hold}
          />
        </PendingRowsContext>
      )}
      {lostPrompt && (
        <Suspense fallback={null}>
          <LostReasonDialog
            leadName={lostPrompt.subject}
            plural={lostPrompt.plural}
            statusName={lostPrompt.status.name}
            onMove={lostPrompt.move}
            onCancel={cancelLost}
          />
        </Suspense>
      )}
      {openLeadId && (
        // Nothing while its code loads, as while it reads the lead (lead-drawer.tsx).
        <Suspense fallback={null}>
          <LeadDrawer
            db={db}
            leadId={openLeadId}
            currentUser={user}
            profiles={profiles}
            onClose={() => openLead(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
