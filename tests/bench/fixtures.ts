import { generateNKeysBetween } from 'fractional-indexing';
import type { Lead, PipelineStatus } from '../../src/sync/types.ts';

const PRODUCTS = ['auto', 'home', 'life', 'health'] as const;
const AGENTS = [
  'a0000000-0000-4000-8000-000000000001',
  'a0000000-0000-4000-8000-000000000002',
  null,
];

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const PIPELINE_ID = uuid(0xfff000);

export function makeStatuses(count = 6): PipelineStatus[] {
  const now = new Date(0).toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: uuid(0xeee000 + i),
    pipeline_id: PIPELINE_ID,
    name: `Status ${i + 1}`,
    description: null,
    is_final: i >= count - 2,
    display_order: i + 1,
    color_hex: '#2563EB',
    icon_name: 'phone',
    ai_action_template: 'Call {{full_name}} about {{product}}',
    outcome: 'open' as const,
    win_probability: 50,
    wip_limit: null,
    created_at: now,
    updated_at: now,
  }));
}

/** `count` leads spread evenly over `statuses`, each column in fractional-index order. */
export function makeLeads(count: number, statuses: readonly PipelineStatus[]): Lead[] {
  const perColumn = Math.ceil(count / statuses.length);
  const keys = generateNKeysBetween(null, null, perColumn);
  const now = new Date(0).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const status = statuses[i % statuses.length];
    if (!status) throw new Error('no statuses');
    return {
      id: uuid(i + 1),
      full_name: `Lead ${i + 1}`,
      email: `lead${i + 1}@example.com`,
      phone: `+1 555 ${String(i).padStart(7, '0')}`,
      product: PRODUCTS[i % PRODUCTS.length] ?? 'auto',
      estimated_premium: 500 + (i % 97) * 25,
      source: 'web',
      assigned_to: AGENTS[i % AGENTS.length] ?? null,
      pipeline_id: PIPELINE_ID,
      status_id: status.id,
      position: keys[Math.floor(i / statuses.length)] ?? 'a0',
      notes: null,
      lost_reason: null,
      status_changed_at: now,
      created_at: now,
      updated_at: now,
    };
  });
}
