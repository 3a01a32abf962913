// One HTTP answer as the harness sees it: a status (0 when the API could not be reached) and a body.
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}
