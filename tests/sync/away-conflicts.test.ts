import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markAway, readAwaySummary } from '../../src/sync/conflicts/away.ts';
import { pullAll } from '../../src/sync/pull.ts';
import { at, defaultBoard } from './support/board.ts';
import { Device } from './support/device.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { DEMO, startSyncBackend } from './support/sync-backend.ts';
import { engineName } from '../server/support/test-backend.ts';

// Two people, one of them offline, change the same lead; the offline one comes back. The merge
// is today's (push first, field-level last write, a move as one unit, refusals rolled back):
// these tests check that it is unchanged AND that the device that was away is told what happened.

let backend: SyncBackend;

beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(() => backend.close());

async function serverLead(id: string) {
  const { rows } = await backend.t.backend.db.query<{
    status_id: string;
    phone: string | null;
    notes: string | null;
  }>('select status_id, phone, notes from leads where id = $1', [id]);
  return rows[0];
}

/** Ana's device with its notices, and Maya's, both synced; a lead of Ana's to quarrel over. */
async function anaAndMaya(skip = 0) {
  const maya = await Device.open(backend, 'maya');
  const ana = await Device.open(backend, 'ana');
  await Promise.all([maya.sync(), ana.sync()]);
  const { pipeline, statuses } = await defaultBoard(ana.db);
  const leads = await ana.db.leads.filter((l) => l.assigned_to === DEMO.ana.id).sortBy('id');
  const lead = leads[skip];
  if (!lead) throw new Error('Ana has not enough leads');
  const mayaName = (await ana.db.profiles.get(DEMO.maya.id))?.full_name;
  if (!mayaName) throw new Error('Ana does not know Maya’s name');
  const goOffline = async () => {
    ana.network.offline = true;
    await expect(ana.sync()).rejects.toMatchObject({ offline: true });
    // What the engine does when a sync finds no network (engine.ts).
    await markAway(ana.db, new Date().toISOString());
  };
  return { maya, ana, pipeline, statuses, lead, mayaName, goOffline };
}

async function notices(device: Device) {
  return (await device.db.conflicts.toArray()).map((n) => ({ kind: n.kind, message: n.message }));
}

describe(`what changed while you were away (${engineName})`, () => {
  it('both move the same lead, one offline: her move is applied after his, and she is told so', async () => {
    const { maya, ana, pipeline, statuses, lead, mayaName, goOffline } = await anaAndMaya(0);
    const others = statuses.filter((s) => s.id !== lead.status_id);
    const hers = at(others, 0);
    const his = at(others, 1);

    await goOffline();
    await ana.mutate('move_lead', {
      id: lead.id,
      pipeline_id: pipeline.id,
      status_id: hers.id,
      position: 'Zz1',
    });
    await maya.mutate('move_lead', {
      id: lead.id,
      pipeline_id: pipeline.id,
      status_id: his.id,
      position: 'Zz2',
    });
    await maya.sync();

    ana.network.offline = false;
    await ana.sync();
    // The merge as before: Ana's move reached the server after Maya's, so it stands.
    expect((await serverLead(lead.id))?.status_id).toBe(hers.id);
    expect((await ana.db.leads.get(lead.id))?.status_id).toBe(hers.id);
    expect(await ana.db.outbox.count()).toBe(0);
    expect(await notices(ana)).toEqual([
      {
        kind: 'moved_elsewhere',
        message: `${mayaName} moved ${lead.full_name} to ${his.name} while you were offline; your move to ${hers.name} was applied after it.`,
      },
    ]);
    // Maya had nothing queued on it: no notice for her, whatever she pulls.
    await maya.sync();
    expect(await notices(maya)).toEqual([]);

    const summary = await readAwaySummary(ana.db);
    expect(summary?.changed).toContain(lead.id);
    expect(summary?.mine).toContain(lead.id);
    // The summary is finished with that pull: the next one adds nothing to it.
    await ana.sync();
    expect(await readAwaySummary(ana.db)).toEqual(summary);
    maya.close();
    ana.close();
  });

  it('the same field, edited by both, one offline: hers is applied after his, and she is told so', async () => {
    const { maya, ana, lead, goOffline } = await anaAndMaya(1);
    await goOffline();
    await ana.mutate('update_lead', { id: lead.id, patch: { phone: '555-0123' } });
    await maya.mutate('update_lead', { id: lead.id, patch: { phone: '555-0199', notes: 'Maya' } });
    await maya.sync();

    ana.network.offline = false;
    await ana.sync();
    // Field-level last write wins, as before: her phone (pushed last), Maya's notes.
    expect(await serverLead(lead.id)).toMatchObject({ phone: '555-0123', notes: 'Maya' });
    expect(await ana.db.leads.get(lead.id)).toMatchObject({ phone: '555-0123', notes: 'Maya' });
    expect(await notices(ana)).toEqual([
      {
        kind: 'same_field',
        message: `Another user changed the phone of ${lead.full_name} to “555-0199” while you were offline; your “555-0123” was applied after it.`,
      },
    ]);
    expect((await ana.db.conflicts.toArray()).map((n) => n.settles)).toEqual([null]);
    maya.close();
    ana.close();
  });

  it('a pull that lands while her edit still waits says hers will replace theirs', async () => {
    const { maya, ana, lead } = await anaAndMaya(5);
    await ana.mutate('update_lead', { id: lead.id, patch: { notes: 'Ana' } });
    await maya.mutate('update_lead', { id: lead.id, patch: { notes: 'Maya' } });
    await maya.sync();
    await pullAll(ana.db, ana.supabase); // a nudge's pull before her push
    expect((await ana.db.leads.get(lead.id))?.notes).toBe('Ana');
    expect(await notices(ana)).toEqual([
      {
        kind: 'same_field',
        message: `Another user changed the notes of ${lead.full_name} to “Maya” while you were offline; your “Ana” will replace it when it syncs.`,
      },
    ]);
    await ana.sync();
    expect((await serverLead(lead.id))?.notes).toBe('Ana');
    maya.close();
    ana.close();
  });

  it('her change to a lead deleted meanwhile is refused, and the notice says why the lead left', async () => {
    const { maya, ana, lead, goOffline } = await anaAndMaya(2);
    await goOffline();
    await ana.mutate('update_lead', { id: lead.id, patch: { notes: 'Called back' } });
    await maya.mutate('delete_lead', { id: lead.id });
    await maya.sync();
    ana.network.offline = false;
    await ana.sync();
    expect(await ana.db.leads.get(lead.id)).toBeUndefined();
    expect((await ana.db.rejected.toArray()).map((r) => r.code)).toEqual(['P0002']);
    expect(await notices(ana)).toEqual([
      {
        kind: 'lead_removed',
        message: `${lead.full_name} left your board while you were offline (deleted, or reassigned to someone else); your edit of the notes could not be applied.`,
      },
    ]);
    maya.close();
    ana.close();
  });

  it('a move into a status deleted meanwhile is refused, and named in the notice', async () => {
    const { maya, ana, pipeline, lead, goOffline } = await anaAndMaya(3);
    const statusId = crypto.randomUUID();
    await maya.mutate('create_pipeline_status', {
      id: statusId,
      pipeline_id: pipeline.id,
      name: `Short-lived ${statusId.slice(0, 6)}`,
      color_hex: '#336699',
    });
    await maya.sync();
    await ana.sync();
    const before = (await ana.db.leads.get(lead.id))?.status_id;
    const statusName = (await ana.db.pipeline_statuses.get(statusId))?.name;

    await goOffline();
    await ana.mutate('move_lead', {
      id: lead.id,
      pipeline_id: pipeline.id,
      status_id: statusId,
      position: 'a0',
    });
    await maya.mutate('delete_pipeline_status', { id: statusId });
    await maya.sync();
    ana.network.offline = false;
    await ana.sync();

    expect((await ana.db.leads.get(lead.id))?.status_id).toBe(before);
    expect((await serverLead(lead.id))?.status_id).toBe(before);
    const [notice] = await notices(ana);
    expect(notice?.kind).toBe('status_deleted');
    expect(notice?.message).toMatch(
      new RegExp(
        `^Someone deleted the status ${statusName} while you were offline; your move of ${lead.full_name} to it was refused \\(.+\\)\\.$`,
      ),
    );
    maya.close();
    ana.close();
  });

  it('no notice when nobody else touched what she changed offline', async () => {
    const { maya, ana, pipeline, statuses, lead, goOffline } = await anaAndMaya(4);
    await goOffline();
    const target = statuses.find((s) => s.id !== lead.status_id) ?? at(statuses, 0);
    await ana.mutate('move_lead', {
      id: lead.id,
      pipeline_id: pipeline.id,
      status_id: target.id,
      position: 'Zz9',
    });
    ana.network.offline = false;
    await ana.sync();
    expect((await serverLead(lead.id))?.status_id).toBe(target.id);
    expect(await notices(ana)).toEqual([]);
    // Her own move, confirmed, is no change "while away"; nobody else changed anything.
    expect(await readAwaySummary(ana.db)).toBeNull();
    maya.close();
    ana.close();
  });
});
