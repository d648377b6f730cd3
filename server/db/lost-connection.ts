// A connection the server ended (pg_terminate_backend, restart, failover, idle timeout) or a
// socket that broke. Told apart from SQL errors so the backend can take a fresh connection and,
// where that cannot repeat a write, send the work again; otherwise answer 503 ("try again"), as
// PostgREST does when it loses its database, never a bare 500.

const LOST_SQLSTATES = new Set([
  '57P01', // admin_shutdown: terminated by an administrator (pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
]);

const LOST_ERRNOS = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT']);

// node-postgres's own messages for a connection that ended under it (no SQLSTATE).
const LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

export function isLostConnection(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (LOST_SQLSTATES.has(code) || code.startsWith('08') || LOST_ERRNOS.has(code)) return true;
  }
  return LOST_MESSAGES.some((m) => error.message.startsWith(m));
}
