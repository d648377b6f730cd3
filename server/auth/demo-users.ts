import type { SqlExecutor } from '../db/database.ts';

// The people who can sign in locally: every row of the local auth.users (the seed's demo users,
// plus any a developer adds), with the name and app role their profile gives them.

export interface DemoUser {
  id: string;
  email: string;
  full_name: string;
  /** The CRM role from public.profiles (agent or manager), not the JWT role. */
  role: string;
}

const USERS_SQL = `
select u.id::text as id,
       u.email,
       coalesce(p.full_name, u.raw_user_meta_data ->> 'full_name', u.email) as full_name,
       coalesce(p.role, u.raw_user_meta_data ->> 'role', 'agent') as role
  from auth.users u
  left join public.profiles p on p.id = u.id
 where u.email is not null`;

export async function listDemoUsers(db: SqlExecutor): Promise<DemoUser[]> {
  const { rows } = await db.query<DemoUser>(`${USERS_SQL} order by role desc, email`);
  return rows;
}

/** By email (case-insensitive) or by id; undefined when there is no such user. */
export async function findDemoUser(
  db: SqlExecutor,
  who: { email?: string; id?: string },
): Promise<DemoUser | undefined> {
  if (who.email !== undefined) {
    const { rows } = await db.query<DemoUser>(`${USERS_SQL} and lower(u.email) = lower($1)`, [
      who.email,
    ]);
    return rows[0];
  }
  if (who.id !== undefined) {
    // Compared as text so a malformed id is simply "not found" rather than a cast error.
    const { rows } = await db.query<DemoUser>(`${USERS_SQL} and u.id::text = lower($1)`, [who.id]);
    return rows[0];
  }
  return undefined;
}
