import type { Lead, OutboxEntry, Pipeline, PipelineStatus } from '../types.ts';

// Replicated rows for tests, with every column a fresh row has by default; tests name only what
// they care about. `at` stamps the timestamps (a fixed value keeps relative times predictable).

const DEFAULT_AT = '2026-01-01T00:00:00.000Z';

export function pipelineRow(
  fields: Partial<Pipeline> & Pick<Pipeline, 'name'>,
  at = DEFAULT_AT,
): Pipeline {
  return {
    id: crypto.randomUUID(),
    description: null,
    is_default: false,
    display_order: 1,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}

export function statusRow(
  fields: Partial<PipelineStatus> & Pick<PipelineStatus, 'name' | 'pipeline_id'>,
  at = DEFAULT_AT,
): PipelineStatus {
  return {
    id: crypto.randomUUID(),
    description: null,
    is_final: false,
    display_order: 1,
    color_hex: null,
    icon_name: null,
    ai_action_template: null,
    outcome: 'open',
    win_probability: 0,
    wip_limit: null,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}

export function leadRow(
  fields: Partial<Lead> & Pick<Lead, 'full_name' | 'pipeline_id' | 'status_id'>,
  at = DEFAULT_AT,
): Lead {
  return {
    id: crypto.randomUUID(),
    email: null,
    phone: null,
    product: 'auto',
    estimated_premium: null,
    source: null,
    assigned_to: null,
    position: 'a0',
    notes: null,
    lost_reason: null,
    status_changed_at: at,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}

/** A queued move that touched `touched` ("table:id" keys); its args are not looked at. */
export function outboxEntry(mutation_id: number, touched: string[], at = DEFAULT_AT): OutboxEntry {
  return {
    mutation_id,
    client_id: 'c',
    name: 'move_lead',
    args: {},
    created_at: at,
    state: 'pending',
    touched,
  };
}
