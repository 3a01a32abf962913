// OpenAPI links between operations: where one answer supplies the id the next request needs, so
// a stateful fuzzer (Schemathesis) follows real chains — start a case, read it, read its events;
// list tasks, claim one, complete or return it — instead of guessing ids that do not exist.

export interface OperationLink {
  /** `method path` of the route whose answer supplies the value, as in the route table. */
  from: string;
  to: string;
  /** Parameter of `to` ← runtime expression on `from`'s request or answer. */
  parameters: Record<string, string>;
  /** Request body of `to`, when the chain needs one. */
  requestBody?: unknown;
}

export const operationLinks: OperationLink[] = [
  { from: 'post /cases', to: 'get /cases/:caseId', parameters: { caseId: '$response.body#/caseId' } },
  { from: 'get /cases', to: 'get /cases/:caseId', parameters: { caseId: '$response.body#/items/0/id' } },
  { from: 'get /cases/:caseId', to: 'get /cases/:caseId/events', parameters: { caseId: '$request.path.caseId' } },
  { from: 'get /cases/:caseId', to: 'post /cases/:caseId/cancel', parameters: { caseId: '$request.path.caseId' } },
  { from: 'get /tasks', to: 'get /tasks/:taskId', parameters: { taskId: '$response.body#/items/0/id' } },
  { from: 'get /tasks', to: 'post /tasks/:taskId/claim', parameters: { taskId: '$response.body#/items/0/id' } },
  { from: 'get /tasks', to: 'post /tasks/:taskId/accept', parameters: { taskId: '$response.body#/items/0/id' } },
  { from: 'post /tasks/:taskId/claim', to: 'post /tasks/:taskId/complete', parameters: { taskId: '$request.path.taskId' } },
  { from: 'post /tasks/:taskId/claim', to: 'post /tasks/:taskId/return', parameters: { taskId: '$request.path.taskId' } },
  { from: 'get /tasks/:taskId', to: 'post /tasks/:taskId/reassign', parameters: { taskId: '$request.path.taskId' } },
  { from: 'get /definitions', to: 'get /definitions/:id/versions', parameters: { id: '$response.body#/items/0/id' } },
  { from: 'post /definitions/deploy', to: 'get /definitions/:id/versions/:version', parameters: { id: '$response.body#/definitionId', version: '$response.body#/version' } },
  { from: 'post /admin/api-keys', to: 'delete /admin/api-keys/:id', parameters: { id: '$response.body#/id' } },
  { from: 'post /insights/logs', to: 'get /insights/logs/:logId/objects', parameters: { logId: '$response.body#/id' } },
  { from: 'post /insights/logs', to: 'get /insights/logs/:logId/object-graph', parameters: { logId: '$response.body#/id' } },
  { from: 'get /insights/logs/:logId/objects', to: 'get /insights/logs/:logId/objects/:objectId', parameters: { logId: '$request.path.logId', objectId: '$response.body#/items/0/id' } },
];
