// Each deployable cloud function's platform settings: the one list `npm run deploy` applies and `npm run build`
// writes into each function's config.json (the file WeChat DevTools reads when a function is uploaded by hand).

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven fields: second minute hour day month weekday year (read in UTC+8 per WeChat's guide; cloud-check settles it). */
  config: string;
}

export interface FunctionSpec {
  name: 'api' | 'pdf' | 'monthly-draw' | 'reminders';
  /** Seconds; CloudBase allows at most 60 for an event function (3 by default). */
  timeoutSeconds: number;
  /** MB. */
  memoryMB: number;
  triggers: TimerTrigger[];
  /** Cloud calls (云调用) the function makes. */
  openapi: string[];
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  // Waits for `pdf` when signing and archiving; work longer than a request (hashing a large file) leaves it.
  { name: 'api', timeoutSeconds: 60, memoryMB: 256, triggers: [], openapi: ['subscribeMessage.send'] },
  // Renders the signed forms and the archive (a 10 MB font in assets/, pictures decoded and scaled); called by `api`.
  { name: 'pdf', timeoutSeconds: 60, memoryMB: 512, triggers: [], openapi: [] },
  {
    name: 'monthly-draw', timeoutSeconds: 60, memoryMB: 256,
    triggers: [{ name: 'monthly', type: 'timer', config: '0 0 2 1 * * *' }], openapi: ['subscribeMessage.send'],
  },
  // Also drives large files' hashing one step per run (application/hash-jobs.ts).
  {
    name: 'reminders', timeoutSeconds: 60, memoryMB: 256,
    triggers: [{ name: 'every-five-minutes', type: 'timer', config: '0 */5 * * * * *' }], openapi: ['subscribeMessage.send'],
  },
];

/** A function's config.json as WeChat DevTools reads it. */
export function configJsonOf(spec: FunctionSpec): Record<string, unknown> {
  return {
    permissions: { openapi: spec.openapi },
    ...(spec.triggers.length ? { triggers: spec.triggers } : {}),
  };
}
