import type { OwnChange, OwnOutcome } from './types.ts';

// The words of the notices: field labels, values and the user's own change, as a person says them.

const FIELD_LABELS: Readonly<Record<string, string>> = {
  full_name: 'name',
  email: 'email',
  phone: 'phone',
  product: 'product',
  estimated_premium: 'estimated premium',
  source: 'source',
  assigned_to: 'agent',
  notes: 'notes',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replaceAll('_', ' ');
}

const MAX_VALUE_LENGTH = 40;

/** A field's value in a sentence: quoted text (cut when long), a number, or "empty". */
export function describeValue(
  field: string,
  value: unknown,
  personName: (id: string) => string | null,
): string {
  if (value === null || value === undefined || value === '') {
    return field === 'assigned_to' ? 'no one' : 'empty';
  }
  if (field === 'assigned_to' && typeof value === 'string')
    return personName(value) ?? 'another agent';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  const text = (typeof value === 'string' ? value : JSON.stringify(value))
    .replace(/\s+/g, ' ')
    .trim();
  const cut = text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
  return `“${cut}”`;
}

/** "move to Negotiation", "edit of the phone and notes", "change". */
export function describeOwnChange(
  change: OwnChange,
  statusName: (id: string) => string | null,
): string {
  if (change.kind === 'move') return `move to ${statusName(change.status_id) ?? 'another status'}`;
  if (change.kind === 'edit') {
    const labels = Object.keys(change.patch).map(fieldLabel);
    const last = labels.pop();
    const list = labels.length > 0 ? `${labels.join(', ')} and ${last ?? ''}` : (last ?? '');
    return `edit of the ${list}`;
  }
  return 'change';
}

/** "was applied", "will still be sent when it syncs", "was refused (Lead not found)". */
export function describeOutcome(outcome: OwnOutcome): string {
  if (outcome.state === 'applied') return 'was applied';
  if (outcome.state === 'queued') return 'will still be sent when it syncs';
  return `was refused (${outcome.message})`;
}
