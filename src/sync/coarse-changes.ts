import {
  RangeSet,
  type DBCore,
  type DBCoreTransaction,
  type IndexableType,
  type Middleware,
} from 'dexie';
import type { ObservabilitySet } from 'dexie';
import { writtenKeysPart } from './written-keys.ts';

// Dexie's change events name every key a delete removed, however many: a pull that confirms
// 1,000 moves deletes 1,000 queue entries and 2,000 bases, and every live query then merges
// those keys (arrays, for the bases) into what it has seen, on the main thread, whatever
// table it reads. For a put of 50 rows or more Dexie already says "the whole table changed"
// instead; this middleware says the same for a delete that large. A live query over the table
// reads again, as it would after a large put; nobody follows these tables key by key (the
// board follows leads through its own part, written-keys.ts, which is left as it is).

/** From this many keys, a delete is reported as "the table changed" (Dexie's bar for puts). */
export const COARSE_FROM_KEYS = 50;

export const coarseChangesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'coarseChanges',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        const prefix = `idb://${down.schema.name}/${name}/`;
        const written = writtenKeysPart(down.schema.name, name);
        return {
          ...table,
          mutate(req) {
            // Chained with .then, never awaited: Dexie's transaction context lives in its promises.
            return table.mutate(req).then((res) => {
              if (req.type !== 'delete' || req.keys.length < COARSE_FROM_KEYS) return res;
              // Where Dexie's observability layer (beneath this one) gathered the transaction's parts.
              const parts = (req.trans as DBCoreTransaction & { mutatedParts?: ObservabilitySet })
                .mutatedParts;
              for (const part of Object.keys(parts ?? {})) {
                if (parts && part.startsWith(prefix) && part !== written) {
                  // DBCore types its bounds as `any`; they are IndexedDB keys.
                  parts[part] = new RangeSet(
                    down.MIN_KEY as IndexableType,
                    down.MAX_KEY as IndexableType,
                  );
                }
              }
              return res;
            });
          },
        };
      },
    };
  },
};
