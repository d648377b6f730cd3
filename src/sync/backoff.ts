/**
 * Delay before retry number `attempt` (1, 2, …): exponential, capped, with "full jitter"
 * between half and all of it so many clients coming back online do not retry in lockstep.
 */
export function retryDelay(
  attempt: number,
  options: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 60_000;
  const random = options.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
