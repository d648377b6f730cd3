import type { Lead } from '../../../sync/types.ts';

/** The drawer's form values: every field as the text in its input. */
export type LeadDraft = {
  full_name: string;
  email: string;
  phone: string;
  product: string;
  estimated_premium: string;
  source: string;
  assigned_to: string;
  notes: string;
};

export function toDraft(lead: Lead): LeadDraft {
  return {
    full_name: lead.full_name,
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    product: lead.product,
    estimated_premium: lead.estimated_premium === null ? '' : String(lead.estimated_premium),
    source: lead.source ?? '',
    assigned_to: lead.assigned_to ?? '',
    notes: lead.notes ?? '',
  };
}

/**
 * Only the fields the user changed (update_lead is a field-level patch, so a colleague's edit of
 * another field survives). Text is passed as typed: the mutation's schema trims and validates.
 * The premium is parsed here because a non-number has no place in the mutation's input.
 */
export function leadPatch(
  lead: Lead,
  draft: LeadDraft,
): { patch: Record<string, string | number | null>; errors: Record<string, string> } {
  const before = toDraft(lead);
  const patch: Record<string, string | number | null> = {};
  const errors: Record<string, string> = {};
  for (const key of Object.keys(draft) as (keyof LeadDraft)[]) {
    if (draft[key] === before[key]) continue;
    if (key === 'estimated_premium') {
      const text = draft[key].replace(/[$,\s]/g, '');
      const value = text === '' ? null : Number(text);
      if (value !== null && !Number.isFinite(value)) errors[key] = 'Enter the premium as a number';
      else patch[key] = value;
    } else if (key === 'assigned_to') {
      patch[key] = draft[key] || null;
    } else {
      patch[key] = draft[key];
    }
  }
  return { patch, errors };
}
