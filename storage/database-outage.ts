// Whether an error says the database is down or going away, rather than that a statement was wrong:
// PostgreSQL's shutdown and connection answers (classes 57P and 08) and the socket errors of a server
// that is not there or restarting. One definition for the API's 503s and the start-up's wait.
const DATABASE_DOWN_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

export function isDatabaseOutage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (typeof code === 'string' && DATABASE_DOWN_CODES.has(code)) || /Connection terminated|connection is closed|terminating connection/i.test(message);
}
