import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expectTypeOf, it } from 'vitest';
import type { Database, Tables } from '../lib/database.types.ts';
import type { Lead, LeadStatusHistory, Pipeline, PipelineStatus, Profile } from './types.ts';

// Type-level: checked by `npm run typecheck` (tsc), so a migration that adds, drops or changes a
// replicated column fails the build until src/sync/types.ts follows (after `npm run db:types`).

/** A server row as sync_pull sends it: without the internal and legacy columns. */
type Pulled<T extends keyof Database['public']['Tables']> = Omit<
  Tables<T>,
  '_txid' | 'status' | 'legacy_value'
>;

/** Columns the client types more narrowly than the database (CHECK constraints, not enums). */
type Narrowed = 'product' | 'role' | 'outcome';

describe('replicated row types match the generated database types', () => {
  it('has the same columns, with the same types and nullability', () => {
    expectTypeOf<Omit<Lead, Narrowed>>().toEqualTypeOf<Omit<Pulled<'leads'>, Narrowed>>();
    expectTypeOf<Pipeline>().toEqualTypeOf<Pulled<'pipelines'>>();
    expectTypeOf<Omit<PipelineStatus, Narrowed>>().toEqualTypeOf<
      Omit<Pulled<'pipeline_statuses'>, Narrowed>
    >();
    expectTypeOf<LeadStatusHistory>().toEqualTypeOf<Pulled<'lead_status_history'>>();
    // The device keeps only what the board shows of a profile.
    expectTypeOf<Omit<Profile, Narrowed>>().toEqualTypeOf<
      Pick<Pulled<'profiles'>, 'id' | 'full_name'>
    >();
  });

  it('narrows only where the database holds a checked string', () => {
    expectTypeOf<Lead['product']>().toExtend<Tables<'leads'>['product']>();
    expectTypeOf<Profile['role']>().toExtend<Tables<'profiles'>['role']>();
    expectTypeOf<PipelineStatus['outcome']>().toExtend<Tables<'pipeline_statuses'>['outcome']>();
  });

  it('types the RPCs the client calls, defaulted arguments optional', () => {
    type Rpc = SupabaseClient<Database>['rpc'];
    expectTypeOf<Parameters<Rpc>[0]>().toEqualTypeOf<'set_user_role' | 'sync_pull' | 'sync_push'>();
    expectTypeOf<{ client_id: string }>().toExtend<
      Database['public']['Functions']['sync_pull']['Args']
    >();
    expectTypeOf<{ client_id: string }>().not.toExtend<
      Database['public']['Functions']['sync_push']['Args']
    >();
  });
});
