import { openPglite } from './storage/database.ts';
import { migrate } from './storage/migrate.ts';
const db = openPglite();
console.log(await migrate(db));
await db.query("insert into teams(id,name) values ('a','A')");
console.log(await db.query("select *, 1::bigint as n from teams"), await db.query("select seq from events"));
console.log(await migrate(db));
