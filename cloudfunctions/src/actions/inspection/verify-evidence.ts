import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { verifyCaseEvidence } from '../../application/evidence-checks';
import { caseFor } from '../../application/inspection';

/**
 * The handler, a supervisor or an admin recomputes every evidence file's SHA-256 from storage and checks the chain
 * and the case's head: each file or record that changed, went missing or moved is named. Large files are hashed in
 * steps across calls (application/evidence-checks.ts): until then the answer is 校验中 with the progress.
 */
export const verifyEvidence = defineAction({
  name: 'verifyEvidence',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: ['staff', 'supervisor', 'admin'],
  mutates: false,
  async handle(ctx, { caseId }) {
    const { c } = await caseFor(ctx, caseId, 'verifyEvidence');
    return verifyCaseEvidence(ctx, c);
  },
});
