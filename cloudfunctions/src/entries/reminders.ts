import { join } from 'node:path';
import { withSettings } from '../application/settings';
import type { Deps } from '../api/context';
import { type DeliveryReport, deliverOutbox } from '../application/deliver-outbox';
import { advanceEvidenceChecks } from '../application/evidence-checks';
import { advanceHashJobs, type HashingReport } from '../application/hash-jobs';
import { queueReminders, type ReminderReport } from '../application/reminders';
import { composeFromEnv } from '../compose/from-env';
import type { Subscriber } from '../ports/subscriber';
import { isOwnTimer } from './timer-trigger';

// The `reminders` cloud function, on a timer every five minutes (config.json `0 */5 * * * * *`; its
// subscribeMessage.send permission is granted there too): queues the reminders due, then delivers the outbox as
// subscription messages. In CloudBase through the cloud call; in the local runtime (RVI_LOCAL=1) each send is
// written to <data dir>/subscribe-messages.jsonl. It also drives evidence files' hashing and evidence verifications,
// a few steps each run (application/hash-jobs.ts, evidence-checks.ts). Only its own timer's event runs it
// (timer-trigger.ts); any other caller is refused.

let composed: { deps: Deps; subscriber: Subscriber; cloud?: typeof import('wx-server-sdk') } | undefined;

function compose(): NonNullable<typeof composed> {
  const { deps, cloud } = composeFromEnv();
  if (cloud) {
    const { CloudbaseSubscriber } = require('../adapters/cloudbase/cloudbase-subscriber') as typeof import('../adapters/cloudbase/cloudbase-subscriber');
    return { deps, cloud, subscriber: new CloudbaseSubscriber(cloud) };
  }
  const { RecordingSubscriber } = require('../adapters/local/recording-subscriber') as typeof import('../adapters/local/recording-subscriber');
  const file = join(process.env.RVI_DATA_DIR ?? '.data', 'subscribe-messages.jsonl');
  return { deps, subscriber: new RecordingSubscriber(file, deps.clock) };
}

export type SweepReport = { ok: true; reminders: ReminderReport; delivery: DeliveryReport; hashing: HashingReport; verificationsFinished: number } | { ok: false; code: string; message: string };

export async function main(event: unknown = {}, context: { localOpenid?: string } = {}): Promise<SweepReport> {
  composed ??= compose();
  const openid = composed.cloud ? composed.cloud.getWXContext().OPENID : context.localOpenid;
  if (!isOwnTimer('reminders', event, openid)) return { ok: false, code: 'FORBIDDEN', message: '消息提醒由定时任务发送' };
  const now = composed.deps.clock.now();
  const deps = await withSettings(composed.deps);
  // Hashing and verifying evidence touch nothing the reminders read or deliver: they run alongside.
  const subscriber = composed.subscriber;
  const [[reminders, delivery], hashing, verificationsFinished] = await Promise.all([
    queueReminders(deps, now).then(async (queued) => [queued, await deliverOutbox(deps, subscriber, now)] as const),
    advanceHashJobs(deps),
    advanceEvidenceChecks(deps),
  ]);
  return { ok: true, reminders, delivery, hashing, verificationsFinished };
}
