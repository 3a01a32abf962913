// What the API says about itself: liveness (with where the Temporal Web UI is) and its OpenAPI document.
import { z } from 'zod';

/** Liveness, and where people can open a case's workflow in the Temporal Web UI (null when not offered). */
export const Health = z.object({ status: z.literal('ok'), temporalUiUrl: z.string().nullable(), temporalNamespace: z.string() });
export type Health = z.infer<typeof Health>;

/** An OpenAPI 3.1 document; its parts are OpenAPI's own, so only the frame is checked here. */
export const ApiDescription = z.looseObject({ openapi: z.string().startsWith('3.1'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });
export type ApiDescription = z.infer<typeof ApiDescription>;
