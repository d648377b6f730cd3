import type { SqlExecutor } from '../../../server/db/database.ts';

export interface CrmUsers {
  agentA: string;
  agentB: string;
  manager: string;
}

/**
 * Signs up three users the way Supabase Auth does (the on_auth_user_created trigger makes
 * profiles). The manager's role is in raw_app_meta_data, which only an administrator sets (read
 * since 20250701); the same key in raw_user_meta_data is what schemas before that migration read.
 */
export async function createUsers(db: SqlExecutor): Promise<CrmUsers> {
  const { rows } = await db.query<{ email: string; id: string }>(
    `insert into auth.users (email, raw_user_meta_data, raw_app_meta_data) values
       ('agent.a@example.com', '{"full_name": "Agent A"}', '{"provider": "email"}'),
       ('agent.b@example.com', '{"full_name": "Agent B"}', '{"provider": "email"}'),
       ('manager@example.com', '{"full_name": "Mia Manager", "role": "manager"}',
        '{"provider": "email", "role": "manager"}')
     returning email, id`,
  );
  const id = (email: string) => {
    const row = rows.find((r) => r.email === email);
    if (!row) throw new Error(`user ${email} not created`);
    return row.id;
  };
  return {
    agentA: id('agent.a@example.com'),
    agentB: id('agent.b@example.com'),
    manager: id('manager@example.com'),
  };
}
