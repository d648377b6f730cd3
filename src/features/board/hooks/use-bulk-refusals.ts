import { useEffect } from 'react';
import type { RejectedMutation } from '../../../sync/types.ts';
import { bulkRefusalMessage } from '../lib/announcements.ts';
import { useBulkLedger } from '../store/bulk-ledger-store.ts';

/**
 * Says in words which leads of a bulk action the server refused. The refusals themselves are
 * the ordinary per-mutation ones (rolled back by sync/reject.ts, listed under "Rejected
 * changes"); this ties them back to the bulk action so the user reads "2 of 3 moves kept,
 * Noah Harris refused because …" instead of hunting for the card that jumped back.
 */
export function useBulkRefusals(
  rejected: readonly RejectedMutation[],
  report: (message: string) => void,
): void {
  const batches = useBulkLedger((s) => s.batches);
  const markReported = useBulkLedger((s) => s.markReported);
  useEffect(() => {
    for (const batch of batches) {
      const fresh = rejected.filter(
        (r) => batch.names.has(r.mutation_id) && !batch.reported.has(r.mutation_id),
      );
      if (fresh.length === 0) continue;
      markReported(
        batch,
        fresh.map((r) => r.mutation_id),
      );
      report(
        bulkRefusalMessage(
          batch.verb,
          batch.names.size,
          fresh.map((r) => ({
            leadName: batch.names.get(r.mutation_id) ?? 'A lead',
            reason: r.message,
          })),
        ),
      );
    }
  }, [batches, rejected, markReported, report]);
}
