// OpenID Connect sign-in settings, read from the environment; OIDC is off unless an issuer is set.
// Claim values map to Casemap roles and teams; without a map, values that already are Casemap role
// names or team ids count as themselves.
import { z } from 'zod';
import { Roles } from '../storage/identity-store.ts';

const Json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const Role = z.enum(Roles);
/** `{"casework-admins": "admin", "fno-leads": ["team-lead", "caseworker"]}` */
const RoleMap = Json(z.record(z.string(), z.union([Role, z.array(Role)]).transform((roles) => (Array.isArray(roles) ? roles : [roles]))));
/** `{"fno-returns-staff": "fno-returns", "fno-returns-leads": {"team": "fno-returns", "lead": true}}` */
const TeamMap = Json(
  z.record(
    z.string(),
    z.union([z.string().min(1), z.object({ team: z.string().min(1), lead: z.boolean().default(false) }).strict()]).transform((entry) => (typeof entry === 'string' ? { team: entry, lead: false } : entry)),
  ),
);

const OidcEnv = z.object({
  CASEMAP_OIDC_ISSUER: z.url().optional(),
  CASEMAP_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CASEMAP_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  CASEMAP_OIDC_REDIRECT_URL: z.url().optional(),
  CASEMAP_OIDC_PROVIDER_NAME: z.string().min(1).max(100).default('single sign-on'),
  CASEMAP_OIDC_SCOPES: z.string().default('openid profile email'),
  CASEMAP_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  CASEMAP_OIDC_ROLE_MAP: RoleMap.optional(),
  CASEMAP_OIDC_TEAMS_CLAIM: z.string().min(1).default('groups'),
  CASEMAP_OIDC_TEAM_MAP: TeamMap.optional(),
});

export type OidcConfig = NonNullable<ReturnType<typeof readOidcConfig>>;

/** The OIDC settings, or undefined when no issuer is configured; throws naming each bad variable. */
export function readOidcConfig(env: NodeJS.ProcessEnv) {
  const parsed = OidcEnv.safeParse(env);
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  if (parsed.success && parsed.data.CASEMAP_OIDC_ISSUER) {
    if (!parsed.data.CASEMAP_OIDC_CLIENT_ID) issues.push('  CASEMAP_OIDC_CLIENT_ID: needed when CASEMAP_OIDC_ISSUER is set');
    if (!parsed.data.CASEMAP_OIDC_REDIRECT_URL) issues.push('  CASEMAP_OIDC_REDIRECT_URL: needed when CASEMAP_OIDC_ISSUER is set (https://<casemap>/api/auth/oidc/callback)');
  }
  if (issues.length > 0) throw new Error(`Casemap's OpenID Connect configuration is not valid:\n${issues.join('\n')}`);
  const values = parsed.data!;
  if (!values.CASEMAP_OIDC_ISSUER) return undefined;
  return {
    issuer: values.CASEMAP_OIDC_ISSUER,
    clientId: values.CASEMAP_OIDC_CLIENT_ID!,
    clientSecret: values.CASEMAP_OIDC_CLIENT_SECRET,
    redirectUrl: values.CASEMAP_OIDC_REDIRECT_URL!,
    providerName: values.CASEMAP_OIDC_PROVIDER_NAME,
    scopes: values.CASEMAP_OIDC_SCOPES,
    rolesClaim: values.CASEMAP_OIDC_ROLES_CLAIM,
    roleMap: values.CASEMAP_OIDC_ROLE_MAP,
    teamsClaim: values.CASEMAP_OIDC_TEAMS_CLAIM,
    teamMap: values.CASEMAP_OIDC_TEAM_MAP,
  };
}
