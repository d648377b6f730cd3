import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/**
 * A DBCore middleware keeping the store `companion` in step with every write to `table`, inside
 * the same IndexedDB transaction, so the two never disagree in this tab or any other: every
 * read-write transaction over `table` also locks `companion`, and `table` is handed out as
 * `wrap(table, core)` (whose mutate writes the companion through `core`). One place for every
 * writer, present and future. Used by lead-aggregates.ts and queued-rows.ts.
 */
export function keptOnWrite(options: {
  name: string;
  table: string;
  companion: string;
  wrap: (table: DBCoreTable, core: DBCore) => DBCoreTable;
}): Middleware<DBCore> {
  const { name, table, companion, wrap } = options;
  return {
    stack: 'dbcore',
    name,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, transactionOptions) {
          const widened =
            mode === 'readwrite' && stores.includes(table) && !stores.includes(companion)
              ? [...stores, companion]
              : stores;
          return down.transaction(widened, mode, transactionOptions);
        },
        table(tableName) {
          const found = down.table(tableName);
          return tableName === table ? wrap(found, down) : found;
        },
      };
    },
  };
}
