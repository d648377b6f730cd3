import { useState, type FormEvent } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import { mutate } from '../../../sync/mutate.ts';
import { PRODUCTS, type Lead, type Profile } from '../../../sync/types.ts';
import { otherErrors, refusalErrors, type FormErrors } from '../../../sync/form-errors.ts';
import { leadFields } from '../../../sync/mutations/fields.ts';
import { maxLengthOf } from '../../../sync/schema-limits.ts';
import { FormField } from './form-field.tsx';
import { leadPatch, toDraft, type LeadDraft } from '../lib/lead-draft.ts';

type LeadFormProps = {
  db: LocalDb;
  lead: Lead;
  currentUser: { id: string; role: 'agent' | 'manager' };
  profiles: ReadonlyMap<string, Profile>;
  onSaved: () => void;
};

/** The fields update_lead may patch: every one has an input here. */
const FIELDS = Object.keys(leadFields);

/** Edits a lead through update_lead; the sync layer's validation messages appear by each field. */
export function LeadForm({ db, lead, currentUser, profiles, onSaved }: LeadFormProps) {
  const [draft, setDraft] = useState<LeadDraft>(() => toDraft(lead));
  const [errors, setErrors] = useState<FormErrors>({});
  const set = (field: keyof LeadDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));

  // Agents may keep a lead, take it, or hand it back to the pool; managers assign anyone.
  const assignees = [...profiles.values()].filter(
    (p) => currentUser.role === 'manager' || p.id === currentUser.id || p.id === lead.assigned_to,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { patch, errors: local } = leadPatch(lead, draft);
    if (Object.keys(local).length > 0) return setErrors(local);
    if (Object.keys(patch).length === 0) return onSaved();
    try {
      await mutate(db, 'update_lead', { id: lead.id, patch });
      setErrors({});
      onSaved();
    } catch (error) {
      setErrors(refusalErrors(error));
    }
  }

  const general = otherErrors(errors, FIELDS);
  const field = (name: keyof LeadDraft, label: string) => ({
    name,
    label,
    value: draft[name],
    error: errors[name],
    maxLength: maxLengthOf(leadFields[name]),
    onChange: set(name),
  });

  return (
    <form
      className="lead-form"
      aria-label={`Edit ${lead.full_name}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {general.map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
      <FormField {...field('full_name', 'Full name')} required />
      <FormField {...field('email', 'Email')} type="email" />
      <FormField {...field('phone', 'Phone')} type="tel" />
      <FormField
        {...field('product', 'Product')}
        options={PRODUCTS.map((p) => ({ value: p, label: p }))}
      />
      <FormField {...field('estimated_premium', 'Estimated premium (USD)')} inputMode="decimal" />
      <FormField {...field('source', 'Source')} />
      <FormField
        {...field('assigned_to', 'Assigned agent')}
        options={[
          { value: '', label: 'Unassigned' },
          ...assignees.map((p) => ({ value: p.id, label: p.full_name })),
        ]}
      />
      <FormField {...field('notes', 'Notes')} multiline />
      <div className="form-actions">
        <button type="submit">Save</button>
      </div>
    </form>
  );
}
