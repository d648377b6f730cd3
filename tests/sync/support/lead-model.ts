/**
 * The reference model of the property test: leads as a plain map, changed only by the
 * mutations the server accepted, in the order it accepted them.
 */
export interface ModelLead {
  full_name: string;
  notes: string | null;
  estimated_premium: number | null;
  status_id: string;
  position: string;
  assigned_to: string | null;
  history: number;
}

export interface AcceptedMutation {
  name: string;
  args: Record<string, unknown>;
}

const PATCHABLE = ['full_name', 'notes', 'estimated_premium', 'assigned_to'] as const;

export function applyAccepted(model: Map<string, ModelLead>, m: AcceptedMutation): void {
  const a = m.args;
  const id = String(a['id']);
  const lead = model.get(id);
  switch (m.name) {
    case 'create_lead':
      model.set(id, {
        full_name: String(a['full_name']),
        notes: (a['notes'] as string | null | undefined) ?? null,
        estimated_premium: (a['estimated_premium'] as number | null | undefined) ?? null,
        status_id: String(a['status_id']),
        position: String(a['position']),
        assigned_to: (a['assigned_to'] as string | null | undefined) ?? null,
        history: 1,
      });
      return;
    case 'update_lead': {
      if (!lead) throw new Error(`model: update of missing lead ${id} was accepted`);
      const patch = a['patch'] as Record<string, unknown>;
      for (const key of PATCHABLE) if (key in patch) Object.assign(lead, { [key]: patch[key] });
      return;
    }
    case 'move_lead':
      if (!lead) throw new Error(`model: move of missing lead ${id} was accepted`);
      if (lead.status_id !== a['status_id']) lead.history++;
      lead.status_id = String(a['status_id']);
      lead.position = String(a['position']);
      return;
    case 'delete_lead':
      if (!lead) throw new Error(`model: delete of missing lead ${id} was accepted`);
      model.delete(id);
      return;
    default:
      throw new Error(`model: unexpected mutation ${m.name}`);
  }
}
