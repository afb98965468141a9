// What the preview could not do or what went wrong in the Mini Program's code: shown under the frame, so a
// difference from WeChat is never silent. Tests read the same list.

type Listener = (message: string) => void;

const listeners: Listener[] = [];
const reported = new Set<string>();

export function onProblem(listener: Listener): void {
  listeners.push(listener);
}

/** Reports a problem once per distinct message. */
export function reportProblem(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  console.error(`[preview] ${message}`);
  for (const listener of listeners) listener(message);
}

export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}` : JSON.stringify(error);
