// A throwaway local PostgreSQL held open until this process is stopped, for the multi-step log
// benches (ten-million.ts) whose steps each run in a fresh process:
//   npx tsx bench/insights/hold-postgres.ts <dir> <port>   → prints the URL, stops the server on SIGTERM/SIGINT
import { startLocalPostgres } from '../../runtime/local-postgres.ts';

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  console.error('usage: hold-postgres.ts <dir> <port>');
  process.exit(2);
}
const postgres = await startLocalPostgres({ dir, port: Number(port), initdb: ['--no-sync'] });
console.log(`postgres://postgres@127.0.0.1:${postgres.port}/postgres`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => { postgres.stop(); process.exit(0); });
setInterval(() => undefined, 1 << 30);
