// Who is signed in and how people sign in, as the API takes and answers it.
import { z } from 'zod';

/** The roles a person may hold; access rules (api/access) name them. */
export const Roles = ['admin', 'designer', 'team-lead', 'caseworker', 'analyst'] as const;
export const Role = z.enum(Roles);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  teams: z.array(z.string()),
  leadOf: z.array(z.string()),
});
export type User = z.infer<typeof User>;

/** A session: the bearer token, the CSRF token every change must carry, and who it is for. */
export const LoginReply = z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: User });
export type LoginReply = z.infer<typeof LoginReply>;

export const SignInMethods = z.object({ password: z.boolean(), oidc: z.object({ providerName: z.string(), loginUrl: z.string() }).nullable() });
export type SignInMethods = z.infer<typeof SignInMethods>;

export const LoginRequest = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }).strict();
export type LoginRequest = z.input<typeof LoginRequest>;
