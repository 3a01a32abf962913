// Imported first by main.tsx: zod compiles object schemas with `new Function` when it can, and
// even its probe for that breaks the Content-Security-Policy (no 'unsafe-eval'), so the app asks
// zod for its interpreted parsers before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });
