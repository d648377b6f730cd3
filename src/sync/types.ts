// Row shapes of the replicated tables, with the server's snake_case column names so a pulled
// row is stored as it arrives. Timestamps are ISO strings as PostgreSQL's JSON gives them.

export const PRODUCTS = ['auto', 'home', 'life', 'health', 'renters', 'business'] as const;
export type Product = (typeof PRODUCTS)[number];

export interface Lead {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  product: Product;
  estimated_premium: number | null;
  source: string | null;
  assigned_to: string | null;
  pipeline_id: string;
  status_id: string;
  /** Fractional-index key (see ordering.ts); order within a column is (position, id). */
  position: string;
  notes: string | null;
  /** Why it was lost, when it was moved into a lost status with a reason (move_lead). */
  lost_reason: string | null;
  status_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface Pipeline {
  id: string;
  name: string;
  description: string | null;
  is_default: boolean;
  display_order: number;
  created_at: string;
  updated_at: string;
}

export interface PipelineStatus {
  id: string;
  pipeline_id: string;
  name: string;
  description: string | null;
  is_final: boolean;
  display_order: number;
  color_hex: string | null;
  icon_name: string | null;
  ai_action_template: string | null;
  /** What reaching this stage means for the forecast (see src/sync/read-models/stage-forecast.ts). */
  outcome: StageOutcome;
  /** Chance, 0–100, that a lead here is won (won = 100, lost = 0). */
  win_probability: number;
  /** At most this many leads should be here at once; null: no limit. */
  wip_limit: number | null;
  created_at: string;
  updated_at: string;
}

export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];

export interface Profile {
  id: string;
  full_name: string;
  role: 'agent' | 'manager';
}

export interface LeadStatusHistory {
  id: string;
  lead_id: string;
  from_status_id: string | null;
  to_status_id: string | null;
  from_status_name: string | null;
  to_status_name: string;
  changed_by: string | null;
  changed_at: string;
  /** The lead's lost reason, on the row of a move into a lost status. */
  lost_reason: string | null;
}

/** The replicated tables, by name. The same names are used on the server and in the pull feed. */
export interface ReplicaRows {
  leads: Lead;
  pipelines: Pipeline;
  pipeline_statuses: PipelineStatus;
  profiles: Profile;
  lead_status_history: LeadStatusHistory;
}
export type ReplicaTable = keyof ReplicaRows;

/** One queued mutation. `mutation_id` increases by one per client; the server ledger keys on it. */
export interface OutboxEntry {
  mutation_id: number;
  client_id: string;
  name: string;
  args: unknown;
  created_at: string;
  /**
   * 'pending' until a push response says the server applied it; 'applied' entries are no longer
   * sent but stay (their rows keep a base) until a pull's last page confirms them. A pull page
   * that brings a row only applied entries touch writes the server's row as is: the push was
   * answered before that pull began, so the row already holds their effect (apply-pull.ts).
   */
  state: 'pending' | 'applied';
  /** Rows the local apply wrote, as "table:id" (multi-entry index: per-row pending state). */
  touched: string[];
}

/** A mutation the server refused; kept for the UI until dismissed. */
export interface RejectedMutation {
  mutation_id: number;
  name: string;
  args: unknown;
  /** SQLSTATE from the server (e.g. 42501 for RLS, 23505 for a duplicate). */
  code: string;
  message: string;
  rejected_at: string;
}

/**
 * Last server-confirmed version of a row that queued mutations changed (only those rows have
 * one: any other local row IS the server's version). `row: null` means the server has no such
 * row (yet): a lead created offline, or one the server removed under a queued edit.
 */
export interface BaseRow {
  table: ReplicaTable;
  id: string;
  row: ReplicaRows[ReplicaTable] | null;
}

/** Count and premium sum of one column, kept on every write of leads (lead-aggregates.ts). */
export interface LeadAggregate {
  pipeline_id: string;
  status_id: string;
  count: number;
  premium_sum: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}
