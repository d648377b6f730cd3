import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface SignedInUser {
  id: string;
  email: string;
  full_name: string;
  /** The CRM role from the user's profile; the database (RLS) is what enforces it. */
  role: 'agent' | 'manager';
}

/**
 * Who is signed in on this device. Kept in localStorage so a reload or an offline start goes
 * straight back to the board; the local token is renewed when it expires and the backend is
 * reachable (Supabase mode keeps its own session through supabase-js).
 */
export interface StoredSession {
  user: SignedInUser;
  /** Local mode only: the backend's access token and its expiry (seconds since epoch). */
  accessToken?: string;
  expiresAt?: number;
}

interface AuthSessionState {
  session: StoredSession | null;
  signIn: (session: StoredSession) => void;
  signOut: () => void;
}

export const useAuthSession = create<AuthSessionState>()(
  persist(
    (set) => ({
      session: null,
      signIn: (session) => set({ session }),
      signOut: () => set({ session: null }),
    }),
    { name: 'leadlanes.auth', storage: createJSONStorage(() => localStorage) },
  ),
);
