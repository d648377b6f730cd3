import type { SqlExecutor } from '../../../server/db/database.ts';
import type { TestBackend } from './test-backend.ts';

// sync_push over HTTP with a body written by hand: what a client with no validation (or an old
// or hostile one) can send, byte for byte.

export async function rawPush(
  t: TestBackend,
  token: string,
  body: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${t.url}/rest/v1/rpc/sync_push`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      apikey: t.backend.anonKey,
      Authorization: `Bearer ${token}`,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

export interface Column {
  pipeline_id: string;
  status_id: string;
}

/** The default pipeline's first status: where a new lead may go. */
export async function defaultColumn(db: SqlExecutor): Promise<Column> {
  const { rows } = await db.query<{ pipeline_id: string; id: string }>(
    `select s.pipeline_id, s.id from public.pipeline_statuses s
       join public.pipelines p on p.id = s.pipeline_id
      where p.is_default order by s.display_order limit 1`,
  );
  return { pipeline_id: rows[0]?.pipeline_id ?? '', status_id: rows[0]?.id ?? '' };
}

/** JSON text of one create_lead mutation; `extra` is spliced in raw (numbers as written). */
export function createLeadText(mutationId: string, id: string, column: Column, extra = ''): string {
  return `{"mutation_id":${mutationId},"name":"create_lead","args":{"id":"${id}","full_name":"Wire ${mutationId}","pipeline_id":"${column.pipeline_id}","status_id":"${column.status_id}"${extra}}}`;
}
