import type { ReplicaTable } from './types.ts';

// "table:id": how the outbox, the rebase and the pending markers name one replicated row.

export function rowKey(table: ReplicaTable, id: string): string {
  return `${table}:${id}`;
}

export function parseRowKey(key: string): { table: ReplicaTable; id: string } {
  const at = key.indexOf(':');
  return { table: key.slice(0, at) as ReplicaTable, id: key.slice(at + 1) };
}
