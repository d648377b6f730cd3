import type { ReactNode } from 'react';
import type { Pipeline, Profile, RejectedMutation } from '../../../sync/types.ts';
import type { SyncStatusSource } from '../hooks/use-sync-state.ts';
import type { PipelineForecast } from '../lib/forecast.ts';
import { formatCount, formatPremium } from '../lib/format.ts';
import { BoardFilters } from './board-filters.tsx';
import { PipelineSelector } from './pipeline-selector.tsx';
import { RejectedChanges } from './rejected-changes.tsx';
import { SyncStatusIndicator } from './sync-status-indicator.tsx';

type BoardHeaderProps = {
  /** null hides the selector (pipeline management turned off). */
  pipelines: readonly Pipeline[] | null;
  selectedId: string | null;
  onSelect: (pipelineId: string) => void;
  agents: readonly Profile[];
  engine: SyncStatusSource;
  rejected: readonly RejectedMutation[];
  leadName: (leadId: string) => string | null;
  onDismissRejected: (mutationId: number) => void;
  counts: { shown: number; total: number };
  /** Open total and forecast of the leads shown (absent while loading). */
  forecast?: PipelineForecast | undefined;
  /** "While you were away": the notices list and the summary (conflict-notices, away-summary). */
  away?: ReactNode;
};

export function BoardHeader(props: BoardHeaderProps) {
  return (
    <div className="board-header">
      <h1 className="visually-hidden">Leads</h1>
      {props.pipelines && (
        <PipelineSelector
          pipelines={props.pipelines}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
        />
      )}
      <BoardFilters agents={props.agents} counts={props.counts} />
      {props.forecast && (
        <p className="board-forecast">
          Open pipeline: {formatCount(props.forecast.openCount)}{' '}
          {props.forecast.openCount === 1 ? 'lead' : 'leads'},{' '}
          {formatPremium(props.forecast.openTotal)} · Forecast{' '}
          {formatPremium(props.forecast.openForecast)}
        </p>
      )}
      <div className="board-sync">
        <SyncStatusIndicator engine={props.engine} />
        {props.away}
        <RejectedChanges
          rejected={props.rejected}
          leadName={props.leadName}
          onDismiss={props.onDismissRejected}
        />
      </div>
    </div>
  );
}
