import { useMutation, useQuery } from '@tanstack/react-query';
import { fetchLocalUsers, signInLocally } from '../api/local-auth.ts';
import { useAuthSession } from '../store/auth-session-store.ts';

interface LocalUserChooserProps {
  baseUrl: string;
}

/** Local mode: pick one of the demo users; no password (the local backend is for development). */
export function LocalUserChooser({ baseUrl }: LocalUserChooserProps) {
  const signIn = useAuthSession((s) => s.signIn);
  const users = useQuery({
    queryKey: ['local-users', baseUrl],
    queryFn: () => fetchLocalUsers(baseUrl),
  });
  const signInAs = useMutation({
    mutationFn: (email: string) => signInLocally(baseUrl, email),
    onSuccess: signIn,
  });

  if (users.isPending) return <p role="status">Loading demo users…</p>;
  if (users.isError) {
    return (
      <div role="alert">
        <p>Could not reach the local backend: {users.error.message}</p>
        <button type="button" onClick={() => void users.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (users.data.length === 0)
    return <p>No demo users exist yet. Restart `npm run dev` to seed them.</p>;

  return (
    <>
      <ul className="user-chooser" aria-label="Demo users">
        {users.data.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              aria-label={`Sign in as ${user.full_name}`}
              disabled={signInAs.isPending}
              onClick={() => signInAs.mutate(user.email)}
            >
              <span className="user-chooser__name">{user.full_name}</span>
              <span className="user-chooser__meta">
                {user.role === 'manager' ? 'Manager' : 'Agent'} · {user.email}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {signInAs.isError && <p role="alert">Sign-in failed: {signInAs.error.message}</p>}
    </>
  );
}
