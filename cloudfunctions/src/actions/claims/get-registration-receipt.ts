import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { handOutLink } from '../../application/file-access';
import { caseFor } from '../../application/inspection';

/**
 * A temporary link to the printable receipt of a counter or e-mail registration, for the officers of the case's
 * section to print and hand over (R9). The receipt was rendered when the claim code was issued or re-issued: the
 * code itself is kept only as a hash, so this hands out that file and never makes a new code.
 */
export const getRegistrationReceipt = defineAction({
  name: 'getRegistrationReceipt',
  schema: () => z.strictObject({ caseId: idString() }),
  callers: ['staff'],
  mutates: false,
  async handle(ctx, { caseId }) {
    const { c, relation } = await caseFor(ctx, caseId, 'getRegistrationReceipt');
    const fileName = `收件回执_${c.number}.pdf`;
    return { fileName, downloadUrl: await handOutLink(ctx, c, relation, { fileId: c.registration!.receiptFileId!, name: fileName, kind: 'receipt' }) };
  },
});
