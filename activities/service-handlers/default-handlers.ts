// The handlers a fresh Casemap worker knows. Real deployments register adapters to their own
// systems (an airline's booking API, a notification service) beside these.
import type { ServiceHandler } from './registry.ts';

export const defaultServiceHandlers: Record<string, ServiceHandler> = {
  /** Records that a message was sent; the message content is the case data. */
  'send-message': async (request) => ({ [`${request.taskId.split(':')[0]}SentAt`]: new Date().toISOString() }),
  /** Does nothing and succeeds: useful while a process is being drawn. */
  noop: async () => ({}),
};
