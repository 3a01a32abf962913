// The database handle the composition root opens and hands to api/, which passes it to services
// without ever speaking SQL itself; only the type crosses, so api/ needs no import of storage/.
export type { Database } from '../storage/database.ts';
export { isDatabaseOutage } from '../storage/database-outage.ts';
