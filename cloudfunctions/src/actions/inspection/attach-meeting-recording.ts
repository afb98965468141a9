import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, lazySchema, text } from '../../api/validation';
import { chainFile, isFileRecord, loadChain, toEvidenceView } from '../../application/evidence';
import { callerName, caseFor } from '../../application/inspection';
import { currentRound } from '../../domain/inspection';

const providerId = lazySchema(() => z.string().trim().regex(/^[A-Za-z0-9_-]{1,128}$/, { message: '格式不正确' }));

/**
 * The handler attaches the meeting's Tencent Meeting cloud recording (R4). The recording stays with Tencent Meeting;
 * what is chained is a small reference file naming it (record_file_id and the meeting), stored in the case's folder
 * and hashed like any other evidence. The same recording attached again is answered with its first record.
 */
export const attachMeetingRecording = defineAction({
  name: 'attachMeetingRecording',
  schema: () => z.strictObject({
    caseId: idString(),
    recordFileId: providerId(),
    meetingId: providerId().optional(),
    meetingCode: z.string().trim().regex(/^\d{9,12}$/, { message: '会议号应为9至12位数字' }).optional(),
    description: text(200).optional(),
  }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { caseId, recordFileId, meetingId, meetingCode, description }) {
    const { c, relation } = await caseFor(ctx, caseId, 'attachMeetingRecording');
    const attached = (await loadChain(ctx, caseId)).filter(isFileRecord).find((r) => r.meetingRecording?.recordFileId === recordFileId);
    if (attached) return toEvidenceView(ctx, attached);
    const meetingRecording = {
      recordFileId,
      meetingId: meetingId ?? c.meeting?.meetingId ?? null,
      meetingCode: meetingCode ?? c.meeting?.meetingCode ?? null,
    };
    const reference = {
      type: 'tencent-meeting-cloud-recording', caseId, caseNumber: c.number, ...meetingRecording,
      attachedBy: ctx.caller.openid, attachedAt: ctx.now.toISOString(),
    };
    const stored = await ctx.files.put(
      `cases/${caseId}/evidence/meeting-recording-${ctx.ids.randomHex(6)}.json`, Buffer.from(JSON.stringify(reference, null, 2), 'utf8'),
    );
    const record = await chainFile(
      ctx, c,
      { kind: 'meeting-recording-ref', fileId: stored.fileId, source: 'tencent-meeting-cloud', capturedAt: null, location: null },
      {
        round: currentRound(c.inspections)?.round ?? 0, uploaderName: callerName(ctx, c, relation), fileName: `腾讯会议云录制 ${recordFileId}`,
        description: description ?? null, meetingRecording,
      },
      'attachMeetingRecording',
    );
    return toEvidenceView(ctx, record);
  },
});
