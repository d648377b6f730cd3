// Postgres parses JSON recursively and fails deep input with "stack depth limit exceeded" (a 500,
// or worse on an embedded engine). Real payloads are a few levels deep: refuse deep ones early.
export const MAX_JSON_DEPTH = 64;

/** Iterative, so the check itself cannot overflow the stack on 20k-deep input. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth } = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}
