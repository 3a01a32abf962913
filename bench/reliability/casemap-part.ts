// One Casemap service as its own OS process (`api` or `worker`), configured by the environment like
// production's `casemap serve` / `casemap worker`, so the reliability harness can kill -9 it.
import { readConfig } from '../../runtime/config.ts';
import { startCasemap } from '../../stack/start-casemap.ts';

const part = process.argv[2];
if (part !== 'api' && part !== 'worker') throw new Error('Usage: casemap-part.ts api|worker (with TEMPORAL_ADDRESS and DATABASE_URL set)');
const running = await startCasemap({ config: readConfig(), parts: { api: part === 'api', worker: part === 'worker' } });
process.send?.({ type: 'ready', url: running.url });
// Dies with the harness: an orphaned worker would keep taking tasks from the next run.
process.on('disconnect', () => process.exit(1));
process.on('SIGTERM', () => void running.stop().then(() => process.exit(0)));
