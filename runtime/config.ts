// Casemap's configuration, read once from the environment with embedded defaults for one machine.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import { z } from 'zod';
import { readOidcConfig } from './oidc-config.ts';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  CASEMAP_DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_UI_URL: z.string().url().optional(),
  TEMPORAL_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),
  CASEMAP_TASK_QUEUE: z.string().default('casemap-cases'),
  CASEMAP_LOAD_SAMPLES: z.enum(['true', 'false']).default('true'),
  /** The demo load (demo/demo-load.ts); on by default only in development, never in tests. */
  CASEMAP_DEMO_LOAD: z.enum(['true', 'false']).optional(),
  CASEMAP_DEMO_CASES: z.coerce.number().int().min(0).max(10_000).default(40),
  CASEMAP_DEMO_HOUR_MS: z.coerce.number().positive().max(3_600_000).default(20),
  /** Which proxies' X-Forwarded-For to believe (express's `trust proxy`); off unless set. */
  CASEMAP_TRUST_PROXY: z
    .string()
    .optional()
    .refine((value) => value === undefined || isTrustProxy(value), {
      message: 'Use false, true, a number of proxy hops (e.g. 1), or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges (e.g. 10.0.0.0/8)',
    }),
  CASEMAP_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /**
   * How long one request may take to arrive whole. Node's own default (300 s) would cut off a kept-log
   * upload that is still being imported (the body is read as it is imported); an hour covers a
   * gigabyte on a slow store. Headers still have Node's 60 s, so a slow-headers client gains nothing.
   */
  CASEMAP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(3600),
  NODE_ENV: z.string().default('development'),
});

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustProxy(value: string): boolean {
  if (/^(true|false|\d{1,2})$/.test(value)) return true;
  return value.split(',').every((item) => {
    const [address = '', bits, ...rest] = item.trim().split('/');
    if (PROXY_NAMES.has(address) && bits === undefined) return true;
    return isIP(address) !== 0 && rest.length === 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
  });
}

/** The value for express's `trust proxy` setting: false (the default), true, a hop count or a list. */
function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export type CasemapConfig = ReturnType<typeof readConfig>;

export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Casemap's configuration is not valid:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: values.CASEMAP_DATA_DIR,
    databaseUrl: values.DATABASE_URL,
    temporalAddress: values.TEMPORAL_ADDRESS,
    temporalNamespace: values.TEMPORAL_NAMESPACE,
    temporalUiUrl: values.TEMPORAL_UI_URL,
    temporalPort: values.TEMPORAL_PORT,
    temporalUiPort: values.TEMPORAL_UI_PORT,
    taskQueue: values.CASEMAP_TASK_QUEUE,
    loadSamples: values.CASEMAP_LOAD_SAMPLES === 'true',
    demoLoad: {
      enabled: values.CASEMAP_DEMO_LOAD === undefined ? values.NODE_ENV === 'development' : values.CASEMAP_DEMO_LOAD === 'true',
      cases: values.CASEMAP_DEMO_CASES,
      hourMs: values.CASEMAP_DEMO_HOUR_MS,
    },
    production: values.NODE_ENV === 'production',
    trustProxy: trustProxySetting(values.CASEMAP_TRUST_PROXY),
    sessionIdleMinutes: values.CASEMAP_SESSION_IDLE_MINUTES,
    requestTimeoutMs: values.CASEMAP_REQUEST_TIMEOUT_SECONDS * 1000,
    /** OpenID Connect sign-in (runtime/oidc-config.ts); undefined when off. */
    oidc: readOidcConfig(env),
    repoRoot,
  };
}
