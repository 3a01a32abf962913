// Parses a request part with its zod schema, turning failures into a 400 naming each field.
import type { z } from 'zod';
import { fromZod } from './problems/problem-handler.ts';

export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<Schema> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}
