import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Profile } from '../../../sync/types.ts';
import { formatSince } from '../lib/format.ts';
import { historyAuthor } from '../lib/history-author.ts';

type StatusHistoryProps = {
  db: LocalDb;
  leadId: string;
  profiles: ReadonlyMap<string, Profile>;
};

/** The lead's recorded status changes, newest first (written by the server, pulled here). */
export function StatusHistory({ db, leadId, profiles }: StatusHistoryProps) {
  const history = useLiveQuery(
    () =>
      db.lead_status_history
        .where('[lead_id+changed_at]')
        .between([leadId, Dexie.minKey], [leadId, Dexie.maxKey])
        .reverse()
        .toArray(),
    [db, leadId],
  );
  return (
    <section className="status-history" aria-labelledby={`${leadId}-history`}>
      <h3 id={`${leadId}-history`}>Status history</h3>
      {history === undefined ? (
        <p>Loading…</p>
      ) : history.length === 0 ? (
        <p>No status changes recorded yet. Moves appear here once they are synced.</p>
      ) : (
        <ol aria-label="Status history">
          {history.map((h) => (
            <li key={h.id}>
              {h.from_status_name
                ? `${h.from_status_name} → ${h.to_status_name}`
                : `Created in ${h.to_status_name}`}
              {' · '}
              {historyAuthor(h, profiles)}
              {' · '}
              <time dateTime={h.changed_at}>{formatSince(h.changed_at)}</time>
              {h.lost_reason ? (
                <span className="history-lost-reason"> · Lost reason: {h.lost_reason}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
