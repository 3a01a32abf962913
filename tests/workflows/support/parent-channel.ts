// The child side of a worker run in a child process (so a test can SIGKILL it): the address and
// task queue the test passed, and calls forwarded to the test process over IPC, answered by id.
export type ParentReply = { type: 'result'; id: number; value: unknown } | { type: 'error'; id: number; message: string };

export interface ParentChannel<Call> {
  address: string;
  taskQueue: string;
  send(message: Call | { type: 'ready' }): void;
  /** Sends the call made for a fresh id and waits for the test process's reply to it. */
  ask<T>(call: (id: number) => Call): Promise<T>;
}

export function parentChannel<Call>(script: string): ParentChannel<Call> {
  const [address, taskQueue] = process.argv.slice(2);
  if (!address || !taskQueue || !process.send) throw new Error(`Run with: fork(${script}, [address, taskQueue]) and an IPC channel.`);
  const send = process.send.bind(process);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let lastId = 0;
  process.on('message', (reply: ParentReply) => {
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.type === 'result') call?.resolve(reply.value);
    else call?.reject(new Error(reply.message));
  });
  return {
    address,
    taskQueue,
    send: (message) => send(message),
    ask: <T>(call: (id: number) => Call) =>
      new Promise<T>((resolve, reject) => {
        lastId += 1;
        waiting.set(lastId, { resolve: resolve as (value: unknown) => void, reject });
        send(call(lastId));
      }),
  };
}
