import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/**
 * A DBCore middleware counting the rows each table hands back (get, getMany, query, cursors),
 * beneath every other layer of the store, so a test can prove what a code path reads.
 */
export function readCounter(): {
  middleware: Middleware<DBCore>;
  rows: Map<string, number>;
  /** Index or primary keys handed back without their rows (uniqueKeys, primaryKeys). */
  keys: Map<string, number>;
  /** Cursor steps, rows or keys (each one a request of its own in a browser). */
  steps: Map<string, number>;
} {
  const rows = new Map<string, number>();
  const keys = new Map<string, number>();
  const steps = new Map<string, number>();
  const add = (table: string, n: number, into = rows) =>
    into.set(table, (into.get(table) ?? 0) + n);
  const counting = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    // Chained with .then, never awaited: Dexie's transaction context lives in its promises.
    get: (req) =>
      table.get(req).then((row: unknown) => {
        if (row !== undefined) add(table.name, 1);
        return row;
      }),
    getMany: (req) =>
      table.getMany(req).then((found: unknown[]) => {
        add(table.name, found.filter((r) => r !== undefined).length);
        return found;
      }),
    query: (req) =>
      table.query(req).then((res) => {
        add(table.name, res.result.length, req.values ? rows : keys);
        return res;
      }),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => {
        if (!cursor) return cursor;
        const name = table.name;
        const into = req.values ? rows : keys;
        // Count each row the cursor steps onto.
        const start = cursor.start.bind(cursor);
        cursor.start = (onNext) =>
          start(() => {
            add(name, 1, into);
            add(name, 1, steps);
            onNext();
          });
        return cursor;
      }),
  });
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'readCounter',
    level: 0,
    create: (down) => ({ ...down, table: (name) => counting(down.table(name)) }),
  };
  return { middleware, rows, keys, steps };
}
