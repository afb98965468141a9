import { createHash } from 'node:crypto';
import type { ArchiveInput } from '../../cloudfunctions/src/render/archive-pdf';
import { chinaTime } from '../../cloudfunctions/src/domain/china-time';
import { greyJpeg, png, signaturePng } from './images';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A decided case of the pilot matter 二次供水单位卫生许可 with three pictures and a recording. */
export function archiveInput(): ArchiveInput {
  const evidence = [
    { seq: 1, description: '现场截图：现场校验码', storedAt: chinaTime('2026-06-15 10:02'), sha256: sha256('e1') },
    { seq: 2, description: '现场照片：水箱间全景', storedAt: chinaTime('2026-06-15 10:09'), sha256: sha256('e2') },
    { seq: 3, description: '相册图片：消毒记录', storedAt: chinaTime('2026-06-15 10:15'), sha256: sha256('e3') },
    {
      seq: 4,
      description: '会议录像 meeting-20260615.mp4',
      storedAt: chinaTime('2026-06-15 10:43'),
      sha256: sha256('e4'),
    },
    {
      seq: 5,
      description: '现场照片：水箱盖（重拍）',
      storedAt: chinaTime('2026-06-15 10:20'),
      sha256: sha256('e5'),
      supersededReason: '画面模糊，已由证据 2 替代',
    },
  ];
  return {
    officeName: '东丽区行政审批局',
    caseNumber: 'DL-20260612-0007',
    matterName: '二次供水单位卫生许可',
    company: { name: '天津市东丽区清源二次供水服务有限公司', creditCode: '91120110MA06XXXX1K' },
    premisesAddress: '天津市东丽区津塘公路十一经路口东丽湖科技园3号楼201室',
    applicantName: '张三',
    handlerName: '李四',
    observerNames: ['王五'],
    acceptedAt: chinaTime('2026-06-12 09:30'),
    decidedAt: chinaTime('2026-06-15 10:45'),
    decision: 'passed',
    checklistVersion: 2,
    checklist: [
      { code: 'WS-01', title: '水箱间独立设置，门窗完好并上锁', result: 'conforming', note: '现场展示门锁及钥匙管理记录' },
      { code: 'WS-02', title: '水箱盖密闭加锁，通气管设防虫网', result: 'conforming' },
      { code: 'WS-03', title: '水箱周围10米内无渗水坑、垃圾堆等污染源', result: 'conforming', note: '环视一周，未见污染源' },
      { code: 'WS-04', title: '配备消毒设施设备及消毒剂', result: 'notApplicable', note: '采用外包专业清洗消毒服务，合同已提交' },
      { code: 'WS-05', title: '清洗消毒记录完整', result: 'conforming' },
    ],
    opinion: {
      text: '经远程视频踏勘，申请人申报的经营场所真实存在，二次供水设施的设置和卫生条件符合踏勘标准，同意通过。',
      signaturePng: signaturePng(),
      signedAt: chinaTime('2026-06-15 10:44'),
    },
    observerRemarks: [{ observerName: '王五', at: chinaTime('2026-06-15 10:40'), text: '踏勘过程规范，现场校验码已截图留存。' }],
    pictures: [
      {
        evidenceSeq: 1,
        bytes: png(360, 640, (x, y) => [x % 256, y % 256, 160, 255]),
        source: 'live',
        capturedAt: chinaTime('2026-06-15 10:02'),
        place: '天津市东丽区东丽湖科技园（39.0912, 117.4021）',
      },
      {
        evidenceSeq: 2,
        bytes: greyJpeg(640, 480, 200),
        source: 'live',
        capturedAt: chinaTime('2026-06-15 10:09'),
        place: '天津市东丽区东丽湖科技园（39.0913, 117.4020）',
        description: '水箱间全景',
      },
      { evidenceSeq: 3, bytes: greyJpeg(320, 240, 90), source: 'album', capturedAt: chinaTime('2026-06-15 10:15') },
    ],
    evidence,
    chainHead: sha256('chain-head'),
    signedForms: [
      { kind: 'consent', version: 1, copy: 'office', signedAt: chinaTime('2026-06-12 10:05'), sha256: sha256('f1') },
      { kind: 'commitment', version: 1, copy: 'office', signedAt: chinaTime('2026-06-12 10:07'), sha256: sha256('f2') },
    ],
    generatedAt: chinaTime('2026-06-15 10:46'),
  };
}
