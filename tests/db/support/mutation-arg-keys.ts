import * as z from 'zod/mini';

// The argument keys each side of a mutation accepts, as a sorted list of key sets (one per JSON
// object the mutation reads: its args, a `patch`, each item of `statuses`, a `move_to`). Paths are
// left out on purpose: the SQL names them by local variable (`p`, `st`), the schema by key.

/** Every object shape in a zod schema, looking through optional/nullable/default/pipe/array. */
export function schemaKeySets(schema: z.core.$ZodType): string[] {
  const sets: string[] = [];
  const visit = (s: z.core.$ZodType): void => {
    if (s instanceof z.core.$ZodObject) {
      const shape = s._zod.def.shape;
      sets.push(Object.keys(shape).sort().join(','));
      Object.values(shape).forEach(visit);
    } else if (
      s instanceof z.core.$ZodOptional ||
      s instanceof z.core.$ZodNullable ||
      s instanceof z.core.$ZodDefault
    ) {
      visit(s._zod.def.innerType);
    } else if (s instanceof z.core.$ZodPipe) {
      visit(s._zod.def.in);
    } else if (s instanceof z.core.$ZodArray) {
      visit(s._zod.def.element);
    }
    // z.record (status_map) has keys chosen by the caller: no fixed set to compare.
  };
  visit(schema);
  return sets.sort();
}

const CHECK_KEYS = /private\.sync_check_keys\(\s*[^,]+,\s*array\[([^\]]*)\]/g;
const PATCH = /private\.sync_patch\(\s*[^,]+,\s*array\[([^\]]*)\]/g;

function keyList(sqlArray: string): string {
  return [...sqlArray.matchAll(/'([^']+)'/g)]
    .map((m) => m[1] ?? '')
    .sort()
    .join(',');
}

/**
 * The key sets a sync_mutations function's body admits: each sync_check_keys(x, array[…]) call,
 * and each sync_patch(args, array[…]) (which admits {id, patch} and the listed patch keys).
 */
export function functionKeySets(source: string): string[] {
  const sets = [...source.matchAll(CHECK_KEYS)].map((m) => keyList(m[1] ?? ''));
  for (const m of source.matchAll(PATCH)) sets.push('id,patch', keyList(m[1] ?? ''));
  return sets.sort();
}

/** Differences between the client's registry and the server's functions; [] when they agree. */
export function parityDifferences(
  client: ReadonlyMap<string, string[]>,
  server: ReadonlyMap<string, string[]>,
): string[] {
  const out: string[] = [];
  for (const name of new Set([...client.keys(), ...server.keys()])) {
    const c = client.get(name);
    const s = server.get(name);
    if (!s) out.push(`${name}: in the registry, no sync_mutations.${name}(jsonb)`);
    else if (!c) out.push(`${name}: sync_mutations.${name}(jsonb) is not in the registry`);
    else if (c.join(' | ') !== s.join(' | ')) {
      out.push(`${name}: keys differ: client ${c.join(' | ')}; server ${s.join(' | ')}`);
    }
  }
  return out.sort();
}
