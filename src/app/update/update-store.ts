import { create } from 'zustand';

/**
 * Whether a newer version of the app is waiting for this tab. Set by the service worker
 * registration (a new build finished installing) or by the local store (another tab already
 * runs a newer build and upgraded IndexedDB). The user decides when to reload; nothing reloads
 * on its own, so nobody loses a half-typed form.
 */
interface UpdateState {
  ready: boolean;
  /** Takes the new version: activates the waiting worker if there is one, then reloads. */
  apply: () => void;
  offer: (apply: () => void) => void;
}

export const useUpdateState = create<UpdateState>()((set) => ({
  ready: false,
  apply: () => window.location.reload(),
  offer: (apply) => set({ ready: true, apply }),
}));
