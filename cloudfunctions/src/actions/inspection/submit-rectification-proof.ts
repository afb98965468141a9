import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { chainFile } from '../../application/evidence';
import { callerName, caseFor, changeCase, toInspectionView } from '../../application/inspection';
import { freezeUploads } from '../../application/frozen-files';
import { verifyOwnUploads } from '../../application/intake';
import type { CaseRecord } from '../../domain/case';
import { fileId } from './fields';

const beforeDeadline = (c: CaseRecord, now: Date): void => {
  if (now.getTime() > Date.parse(c.rectification!.deadline)) throw new AppError('INVALID_STATE', '整改期限已过，不能再提交整改材料');
};

/**
 * The applicant proves one rectification item with files uploaded for it (purpose 'proof'), before the deadline.
 * Each file joins the evidence chain, so the proof is as tamper-evident as the inspection's own evidence.
 */
export const submitRectificationProof = defineAction({
  name: 'submitRectificationProof',
  schema: () => z.strictObject({
    caseId: idString(),
    itemId: z.string().regex(/^R\d{1,3}$/, { message: '整改事项编号无效' }),
    fileIds: z.array(fileId()).min(1, { message: '请上传整改材料' }).max(9, { message: '每次最多上传9个文件' }),
    note: text(500).optional(),
  }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId, itemId, fileIds, note }) {
    const { c, relation } = await caseFor(ctx, caseId, 'submitRectificationProof');
    beforeDeadline(c, ctx.now);
    if (!c.rectification!.items.some((i) => i.id === itemId)) throw new AppError('NOT_FOUND', `没有整改事项 ${itemId}`);
    const uploads = await freezeUploads(ctx, caseId, 'proofs', await verifyOwnUploads(ctx, fileIds, ctx.caller.openid));
    const seqs: number[] = [];
    for (const upload of uploads) {
      const record = await chainFile(
        ctx, c, { kind: 'proof', fileId: upload.fileId, source: 'album-or-chat', capturedAt: null, location: null },
        { round: c.rectification!.round, uploaderName: callerName(ctx, c, relation), fileName: upload.name, description: `整改事项 ${itemId}`, meetingRecording: null },
        'submitRectificationProof',
      );
      seqs.push(record.seq);
    }
    const saved = await changeCase(ctx, { caseId }, 'submitRectificationProof', (fresh) => {
      beforeDeadline(fresh, ctx.now);
      const rectification = fresh.rectification!;
      const item = rectification.items.find((i) => i.id === itemId)!;
      const added = seqs.filter((seq) => !item.proofs.some((p) => p.evidenceSeq === seq));
      if (!added.length) return null;
      const proofs = [...item.proofs, ...added.map((evidenceSeq) => ({ evidenceSeq, note: note ?? null, submittedAt: ctx.now.toISOString() }))];
      return [
        { ...fresh, rectification: { ...rectification, items: rectification.items.map((i) => (i.id === itemId ? { ...i, proofs } : i)) } },
        { note: `${itemId}：${added.length} 份整改材料` },
      ];
    });
    return toInspectionView(ctx, saved);
  },
});
