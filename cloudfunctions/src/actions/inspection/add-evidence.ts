import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { toEvidenceView } from '../../application/evidence';
import { hashAndChain, pendingEvidenceView } from '../../application/hash-jobs';
import { callerName, caseFor, roundInProgress } from '../../application/inspection';
import { verifyOwnUploads } from '../../application/intake';
import { deviceLocation, fileId } from './fields';

// A camera clock a little ahead of the server's is normal; one far ahead is not a capture time.
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * A file joins the case's evidence chain (R4, R13); the cloud hashes it from storage, a large file in steps after the
 * answer (the answer then says 校验中 and the file joins the chain when its hash is done, application/hash-jobs.ts). The handler's screenshots and
 * recordings come from the album or a chat and are marked so; the applicant's and on-site contacts' live photos come
 * from the Mini Program's camera, whose page stamps case number, time and place on the picture and declares them here.
 * At an on-site inspection the handler takes the live photos at the premises with the same camera page.
 */
export const addEvidence = defineAction({
  name: 'addEvidence',
  schema: () => z.strictObject({
    caseId: idString(),
    fileId: fileId(),
    kind: z.enum(['screenshot', 'recording', 'live-photo'], { message: '证据类型应为截图、录像或现场照片' }),
    capturedAt: z.iso.datetime({ offset: true, message: '拍摄时间格式不正确' }).optional(),
    location: deviceLocation().optional(),
    description: text(200).optional(),
    /** SHA-256 the Mini Program computed at capture; required for live photos, compared with the cloud's. */
    clientSha256: z.string().regex(/^[0-9a-f]{64}$/, { message: '文件校验值格式不正确' }).optional(),
  }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId, fileId: file, kind, capturedAt, location, description, clientSha256 }) {
    const { c, relation } = await caseFor(ctx, caseId, 'addEvidence');
    const live = kind === 'live-photo';
    // On site the officer is at the premises and takes the live photos; over video the applicant's side does.
    const takesLivePhotos = relation.applicant || relation.contact || (relation.handler && c.mode === 'onsite');
    if (live && !takesLivePhotos) throw new AppError('FORBIDDEN', '现场照片由申请人或现场联系人在小程序内拍摄');
    if (!live && !relation.handler) throw new AppError('FORBIDDEN', '截图和录像由经办人上传');
    if (live && (!capturedAt || !location)) throw new AppError('VALIDATION', '现场照片须带拍摄时间和地点');
    if (live && !clientSha256) throw new AppError('VALIDATION', '现场照片须带手机端计算的校验值，请更新小程序后重新拍摄');
    if (capturedAt && Date.parse(capturedAt) > ctx.now.getTime() + CLOCK_TOLERANCE_MS) throw new AppError('VALIDATION', '拍摄时间晚于当前时间');
    const [upload] = await verifyOwnUploads(ctx, [file], ctx.caller.openid);
    const outcome = await hashAndChain(
      ctx, c,
      {
        kind, fileId: file, source: live ? 'in-app-camera' : 'album-or-chat',
        capturedAt: live ? new Date(capturedAt!).toISOString() : null,
        location: live ? { latitude: location!.latitude, longitude: location!.longitude, accuracy: location!.accuracy ?? null } : null,
      },
      { round: roundInProgress(c).round, uploaderName: callerName(ctx, c, relation), fileName: upload!.name, description: description ?? null, meetingRecording: null, ...(clientSha256 ? { clientSha256 } : {}) },
      'addEvidence',
    );
    // Hashed within the request and refused (the phone's hash differs, the file changed): the caller hears why now.
    if (outcome.status === 'failed') throw new AppError('VALIDATION', outcome.job.failure ?? '文件校验失败，未加入证据，请重新上传');
    return outcome.status === 'chained' ? toEvidenceView(ctx, outcome.record) : pendingEvidenceView(outcome.job);
  },
});
