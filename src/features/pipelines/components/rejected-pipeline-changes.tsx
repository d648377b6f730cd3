import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalDb } from '../../../sync/local-db.ts';
import { dismissRejected } from '../../../sync/reject.ts';
import { mutationGroup } from '../../../sync/mutations/registry.ts';
import { describeChange, describeReason } from '../lib/describe-rejection.ts';

/**
 * Pipeline and status changes the server refused (e.g. a duplicate status name made offline by
 * two managers). The local store already rolled them back; this says so, so nothing is lost
 * silently, until the person dismisses it.
 */
export function RejectedPipelineChanges({ db }: { db: LocalDb }) {
  const data = useLiveQuery(async () => {
    const [rejected, pipelines, statuses] = await Promise.all([
      db.rejected.orderBy('rejected_at').reverse().toArray(),
      db.pipelines.toArray(),
      db.pipeline_statuses.toArray(),
    ]);
    const names = new Map<string, string>();
    for (const row of [...pipelines, ...statuses]) names.set(row.id, row.name);
    return { rejected: rejected.filter((r) => mutationGroup(r.name) === 'pipelines'), names };
  }, [db]);
  if (!data || data.rejected.length === 0) return null;
  const nameOf = (id: string) => data.names.get(id);

  return (
    <section
      aria-labelledby="rejected-pipeline-changes"
      className="pl-rejected-changes"
      aria-live="polite"
    >
      <h2 id="rejected-pipeline-changes">Changes the server refused</h2>
      <p>These changes were undone on this device because the server did not accept them.</p>
      <ul>
        {data.rejected.map((r) => (
          <li key={r.mutation_id}>
            <strong>{describeChange(r, nameOf)}</strong>: {describeReason(r)}{' '}
            <button
              type="button"
              aria-label={`Dismiss: ${describeChange(r, nameOf)}`}
              onClick={() => void dismissRejected(db, r.mutation_id)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
