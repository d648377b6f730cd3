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
  /**
   * The server answered and refused this session (not merely unreachable): the user stays on
   * their board with their queue, and is asked to sign in again (src/app/session/).
   */
  refused: boolean;
  signIn: (session: StoredSession) => void;
  signOut: () => void;
  markRefused: () => void;
}

export const useAuthSession = create<AuthSessionState>()(
  persist(
    (set) => ({
      session: null,
      refused: false,
      signIn: (session) => set({ session, refused: false }),
      signOut: () => set({ session: null, refused: false }),
      markRefused: () => set((state) => (state.session ? { refused: true } : {})),
    }),
    { name: 'leadlanes.auth', storage: createJSONStorage(() => localStorage) },
  ),
);
