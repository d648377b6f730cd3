import fc from 'fast-check';
import { leadFields } from '../../../src/sync/mutations/fields.ts';
import { positionForIndex } from '../../../src/sync/ordering.ts';
import { columnLeads } from '../../../src/sync/read-models/column-query.ts';
import { orderedPipelines } from '../../../src/sync/read-models/pipeline-order.ts';
import { pipelineStatuses } from '../../../src/sync/read-models/status-order.ts';
import type { MutationName } from '../../../src/sync/mutations/registry.ts';
import type { Device } from './device.ts';
import { DEMO } from './sync-backend.ts';

// Random, plausible calls of every mutation, for a manager's device. Each picks its targets from
// the device's current local rows (`pick` modulo the list), so most are valid; the few that the
// local checks refuse are skipped by the caller.

const pick = fc.nat();
const small = fc.nat(3);

export const mutationAction = fc.oneof(
  fc.record({ name: fc.constant('create_lead' as const), pipeline: pick, status: pick, n: small }),
  fc.record({
    name: fc.constant('update_lead' as const),
    lead: pick,
    field: fc.constantFrom(...(Object.keys(leadFields) as (keyof typeof leadFields)[])),
    n: small,
  }),
  fc.record({
    name: fc.constant('move_lead' as const),
    lead: pick,
    pipeline: pick,
    status: pick,
    slot: small,
  }),
  fc.record({ name: fc.constant('delete_lead' as const), lead: pick }),
  fc.record({ name: fc.constant('create_pipeline' as const), statuses: small }),
  fc.record({ name: fc.constant('update_pipeline' as const), pipeline: pick, n: small }),
  fc.record({ name: fc.constant('reorder_pipelines' as const), seed: pick }),
  fc.record({ name: fc.constant('set_default_pipeline' as const), pipeline: pick }),
  fc.record({ name: fc.constant('delete_pipeline' as const), pipeline: pick, target: pick }),
  fc.record({ name: fc.constant('create_pipeline_status' as const), pipeline: pick }),
  fc.record({
    name: fc.constant('update_pipeline_status' as const),
    pipeline: pick,
    status: pick,
    n: small,
  }),
  fc.record({
    name: fc.constant('update_pipeline_status_forecast' as const),
    pipeline: pick,
    status: pick,
    n: small,
  }),
  fc.record({
    name: fc.constant('reorder_pipeline_statuses' as const),
    pipeline: pick,
    seed: pick,
  }),
  fc.record({
    name: fc.constant('delete_pipeline_status' as const),
    pipeline: pick,
    status: pick,
    target: pick,
  }),
);
export type MutationAction = typeof mutationAction extends fc.Arbitrary<infer A> ? A : never;

const nth = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];

/** Deterministic shuffle (the seed comes from fast-check, so a failure replays). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

let counter = 0;
const label = (what: string) => `${what} ${++counter}`;

function patchValue(field: string, n: number): unknown {
  switch (field) {
    case 'email':
      return n === 0 ? null : `person${n}@example.com`;
    case 'phone':
      return n === 0 ? '' : `+1 555 010${n}`;
    case 'product':
      return ['home', 'life', 'auto', 'health'][n];
    case 'estimated_premium':
      return n === 0 ? null : n * 333.337;
    case 'assigned_to':
      return n === 0 ? null : n === 1 ? DEMO.ana.id : DEMO.maya.id;
    case 'full_name':
      return `  ${label('Renamed')}  `;
    default:
      return n === 0 ? '   ' : label(field);
  }
}

/**
 * Turns an action into a mutate() call on the device; returns the mutation's name, or null when
 * there was nothing to act on (e.g. no lead yet).
 */
export async function perform(d: Device, a: MutationAction): Promise<MutationName | null> {
  const db = d.db;
  const pipelines = await orderedPipelines(db);
  const pipeline = 'pipeline' in a ? nth(pipelines, a.pipeline) : undefined;
  const statuses = pipeline ? await pipelineStatuses(db, pipeline.id) : [];
  const leads = await db.leads.orderBy('id').toArray();
  switch (a.name) {
    case 'create_lead': {
      const status = nth(statuses, a.status);
      if (!pipeline || !status) return null;
      await d.mutate(a.name, {
        id: crypto.randomUUID(),
        full_name: label('Lead'),
        email: a.n === 1 ? 'new@example.com' : null,
        estimated_premium: a.n * 10.005,
        assigned_to: a.n === 2 ? DEMO.ben.id : null,
        pipeline_id: pipeline.id,
        status_id: status.id,
      });
      return a.name;
    }
    case 'update_lead': {
      const lead = nth(leads, a.lead);
      if (!lead) return null;
      await d.mutate(a.name, {
        id: lead.id,
        patch: { [a.field]: patchValue(a.field, a.n) },
      });
      return a.name;
    }
    case 'move_lead': {
      const lead = nth(leads, a.lead);
      const status = nth(statuses, a.status);
      if (!lead || !pipeline || !status) return null;
      const others = (await columnLeads(db, pipeline.id, status.id)).filter(
        (l) => l.id !== lead.id,
      );
      await d.mutate(a.name, {
        id: lead.id,
        pipeline_id: pipeline.id,
        status_id: status.id,
        position: positionForIndex(others, a.slot),
        ...(status.outcome === 'lost' && a.slot % 2 === 0 ? { lost_reason: ' Too dear ' } : {}),
      });
      return a.name;
    }
    case 'delete_lead': {
      const lead = nth(leads, a.lead);
      if (!lead) return null;
      await d.mutate(a.name, { id: lead.id });
      return a.name;
    }
    case 'create_pipeline':
      await d.mutate(a.name, {
        id: crypto.randomUUID(),
        name: label('Pipeline'),
        description: a.statuses === 0 ? '  ' : 'Made by the property test',
        statuses: Array.from({ length: a.statuses }, (_, i) => ({
          id: crypto.randomUUID(),
          name: `Step ${i + 1}`,
          is_final: i === 2,
          color_hex: i === 1 ? '#a1b2c3' : null,
        })),
      });
      return a.name;
    case 'update_pipeline':
      if (!pipeline) return null;
      await d.mutate(a.name, {
        id: pipeline.id,
        patch: a.n === 0 ? { description: null } : { name: `  ${label('Renamed pipeline')} ` },
      });
      return a.name;
    case 'reorder_pipelines':
      if (pipelines.length === 0) return null;
      await d.mutate(a.name, { ids: shuffled(pipelines, a.seed).map((p) => p.id) });
      return a.name;
    case 'set_default_pipeline':
      if (!pipeline) return null;
      await d.mutate(a.name, { id: pipeline.id });
      return a.name;
    case 'delete_pipeline': {
      if (!pipeline) return null;
      const target = nth(
        pipelines.filter((p) => p.id !== pipeline.id),
        a.target,
      );
      const targetStatus = target ? (await pipelineStatuses(db, target.id))[0] : undefined;
      const move =
        target && targetStatus
          ? {
              pipeline_id: target.id,
              status_map: Object.fromEntries(statuses.map((s) => [s.id, targetStatus.id])),
            }
          : undefined;
      await d.mutate(a.name, move ? { id: pipeline.id, move_to: move } : { id: pipeline.id });
      return a.name;
    }
    case 'create_pipeline_status':
      if (!pipeline) return null;
      await d.mutate(a.name, {
        id: crypto.randomUUID(),
        pipeline_id: pipeline.id,
        name: label('Status'),
        ai_action_template: 'Call {{full_name}}',
      });
      return a.name;
    case 'update_pipeline_status': {
      const status = nth(statuses, a.status);
      if (!status) return null;
      const patches = [
        { name: label('Renamed status') },
        { is_final: !status.is_final, color_hex: '#ABCDEF' },
        { icon_name: ' phone ', description: '' },
        { ai_action_template: null, color_hex: null },
      ];
      await d.mutate(a.name, { id: status.id, patch: patches[a.n] ?? {} });
      return a.name;
    }
    case 'update_pipeline_status_forecast': {
      const status = nth(statuses, a.status);
      if (!status) return null;
      const patches = [
        { outcome: 'lost' as const },
        { win_probability: 35, wip_limit: 4 },
        { outcome: 'won' as const },
        { outcome: 'open' as const, wip_limit: null },
      ];
      await d.mutate(a.name, { id: status.id, patch: patches[a.n] ?? {} });
      return a.name;
    }
    case 'reorder_pipeline_statuses':
      if (!pipeline || statuses.length === 0) return null;
      await d.mutate(a.name, {
        pipeline_id: pipeline.id,
        ids: shuffled(statuses, a.seed).map((s) => s.id),
      });
      return a.name;
    case 'delete_pipeline_status': {
      const status = nth(statuses, a.status);
      if (!status) return null;
      const target = nth(
        statuses.filter((s) => s.id !== status.id),
        a.target,
      );
      await d.mutate(
        a.name,
        target ? { id: status.id, move_leads_to_status_id: target.id } : { id: status.id },
      );
      return a.name;
    }
  }
}
