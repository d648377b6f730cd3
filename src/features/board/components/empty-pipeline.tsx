import { Link } from 'wouter';

type EmptyPipelineProps = {
  pipelineName: string | null;
  canManage: boolean;
  /** Where statuses are managed (the lead mounts pipeline management there). */
  manageHref: string;
};

/** A pipeline without statuses has no columns to show: say so, and where to fix it. */
export function EmptyPipeline({ pipelineName, canManage, manageHref }: EmptyPipelineProps) {
  return (
    <div className="board-empty" role="status">
      <h2>{pipelineName ? `${pipelineName} has no statuses yet` : 'No pipelines yet'}</h2>
      {canManage ? (
        <p>
          Add statuses to start placing leads: <Link href={manageHref}>Manage pipelines</Link>
        </p>
      ) : (
        <p>Ask a manager to add statuses to this pipeline.</p>
      )}
    </div>
  );
}
