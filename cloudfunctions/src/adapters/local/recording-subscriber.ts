import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../../ports/clock';
import type { SendResult, SubscribeMessage, Subscriber } from '../../ports/subscriber';

/**
 * The local runtime's subscription messages: each send is appended as one JSON line to a file, so what would have
 * reached a phone can be read there (`tail -f .data/subscribe-messages.jsonl`).
 */
export class RecordingSubscriber implements Subscriber {
  constructor(private readonly file: string, private readonly clock: Clock) {
    mkdirSync(dirname(file), { recursive: true });
  }

  async send(message: SubscribeMessage): Promise<SendResult> {
    appendFileSync(this.file, `${JSON.stringify({ at: this.clock.now().toISOString(), ...message })}\n`);
    return { ok: true };
  }
}
