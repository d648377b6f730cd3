import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { skipUnchangedWrites } from '../../../lib/skip-unchanged-writes.ts';
import type { Product } from '../../../sync/types.ts';

export type BoardFilters = {
  /** Free text matched against name, email and phone. */
  search: string;
  /** Assigned agent's profile id, or null for everyone. */
  agentId: string | null;
  product: Product | null;
  onlyMine: boolean;
  /**
   * Only these leads: the ones that changed while the user was away (the header's "Since you
   * were away" summary sets it); null for no such filter.
   */
  changedWhileAway: readonly string[] | null;
};

export const EMPTY_FILTERS: BoardFilters = {
  search: '',
  agentId: null,
  product: null,
  onlyMine: false,
  changedWhileAway: null,
};

type BoardUiState = {
  /** Last pipeline each user looked at on this device (user id → pipeline id). */
  lastPipelineByUser: Record<string, string>;
  filters: BoardFilters;
  /** Collapsed final columns, by status id. */
  collapsed: Record<string, boolean>;
  /** The lead whose drawer is open. */
  openLeadId: string | null;
  /**
   * A card to focus once it shows up in `statusId`: a move re-renders the card in another
   * column, and without this focus would fall back to the page.
   */
  focusRequest: { leadId: string; statusId: string } | null;
  rememberPipeline: (userId: string, pipelineId: string) => void;
  setFilters: (patch: Partial<BoardFilters>) => void;
  resetFilters: () => void;
  toggleCollapsed: (statusId: string) => void;
  openLead: (leadId: string | null) => void;
  requestFocus: (leadId: string, statusId: string) => void;
  clearFocusRequest: () => void;
};

export const useBoardUiStore = create<BoardUiState>()(
  persist(
    (set) => ({
      lastPipelineByUser: {},
      filters: EMPTY_FILTERS,
      collapsed: {},
      openLeadId: null,
      focusRequest: null,
      rememberPipeline: (userId, pipelineId) =>
        set((s) =>
          s.lastPipelineByUser[userId] === pipelineId
            ? s
            : { lastPipelineByUser: { ...s.lastPipelineByUser, [userId]: pipelineId } },
        ),
      setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
      resetFilters: () => set({ filters: EMPTY_FILTERS }),
      toggleCollapsed: (statusId) =>
        set((s) => ({ collapsed: { ...s.collapsed, [statusId]: !s.collapsed[statusId] } })),
      openLead: (leadId) => set({ openLeadId: leadId }),
      requestFocus: (leadId, statusId) => set({ focusRequest: { leadId, statusId } }),
      clearFocusRequest: () => set({ focusRequest: null }),
    }),
    {
      name: 'leadlanes-board-ui',
      version: 1,
      storage: createJSONStorage(() => skipUnchangedWrites(localStorage)),
      // Filters and the open drawer are per visit; the pipeline choice and collapsed columns are
      // preferences worth keeping across reloads.
      partialize: (s) => ({ lastPipelineByUser: s.lastPipelineByUser, collapsed: s.collapsed }),
    },
  ),
);
