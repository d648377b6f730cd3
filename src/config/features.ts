// Feature flags, as the spec's rollback path shows (`config/features.ts`). Each flag defaults on
// and can be turned off at build time, e.g. `VITE_FEATURE_PIPELINE_MANAGEMENT=false npm run build`,
// so the pipeline UI can be withdrawn without reverting code or touching the database.

/** 'false', '0', 'off', 'no' (any case, trimmed) turn a flag off; anything else keeps the default. */
export function parseFeatureFlag(raw: string | boolean | undefined, fallback: boolean): boolean {
  if (typeof raw === 'boolean') return raw;
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  if (['false', '0', 'off', 'no'].includes(value)) return false;
  if (['true', '1', 'on', 'yes'].includes(value)) return true;
  return fallback;
}

export const FEATURES = {
  PIPELINE_MANAGEMENT: parseFeatureFlag(
    import.meta.env.VITE_FEATURE_PIPELINE_MANAGEMENT as string | undefined,
    true,
  ),
} as const;
