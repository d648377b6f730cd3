import { useLiveQuery } from 'dexie-react-hooks';
import { DialogPanel } from '../../../components/dialog-panel.tsx';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Profile } from '../../../sync/types.ts';
import { LeadForm } from './lead-form.tsx';
import { StatusHistory } from './status-history.tsx';

type LeadDrawerProps = {
  db: LocalDb;
  leadId: string;
  currentUser: { id: string; role: 'agent' | 'manager' };
  profiles: ReadonlyMap<string, Profile>;
  onClose: () => void;
};

/** The drawer a card opens: edit the lead's fields, see its status history. */
export function LeadDrawer({ db, leadId, currentUser, profiles, onClose }: LeadDrawerProps) {
  // `null` once loaded and not found (deleted, or no longer visible after a sync).
  const lead = useLiveQuery(async () => (await db.leads.get(leadId)) ?? null, [db, leadId]);
  if (lead === undefined) return null;
  return (
    <DialogPanel
      title={lead ? lead.full_name : 'Lead not found'}
      onClose={onClose}
      className="dialog-panel--drawer lead-drawer"
    >
      {lead ? (
        <>
          <LeadForm
            key={lead.id}
            db={db}
            lead={lead}
            currentUser={currentUser}
            profiles={profiles}
            onSaved={onClose}
          />
          {lead.lost_reason ? (
            <p className="lead-lost-reason">Lost reason: {lead.lost_reason}</p>
          ) : null}
          <StatusHistory db={db} leadId={lead.id} profiles={profiles} />
        </>
      ) : (
        <p>This lead was deleted or is no longer visible to you.</p>
      )}
    </DialogPanel>
  );
}
