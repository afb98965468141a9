import * as z from 'zod';

// Turns zod's findings into one sentence a user understands, naming the field in Chinese.

const FIELD_LABELS: Record<string, string> = {
  matterCode: '事项', mode: '踏勘方式', 'company.name': '企业名称', 'company.creditCode': '统一社会信用代码',
  applicantName: '申请人姓名', applicantPhone: '联系电话', 'premises.address': '经营场所地址',
  'premises.latitude': '经营场所位置', 'premises.longitude': '经营场所位置', materialFileIds: '申请材料',
  token: '邀请链接', caseId: '办件', version: '办件版本', reason: '原因', missing: '需补正的材料', toOpenid: '接办人员',
  openid: '用户', name: '姓名', roles: '角色', phone: '联系电话', code: '编码', items: '检查项',
  fileName: '文件名', size: '文件大小', offset: '分页', limit: '分页', state: '状态', channel: '来源渠道',
  // The inspection's fields.
  itemCode: '核查项', result: '核查结果', note: '说明', evidenceSeqs: '关联证据', revision: '核查项版本', text: '意见内容',
  fileId: '文件', kind: '证据类型', capturedAt: '拍摄时间', location: '位置', 'location.latitude': '纬度',
  'location.longitude': '经度', 'location.accuracy': '定位精度', recordFileId: '云录制文件', meetingId: '会议',
  meetingCode: '会议号', description: '说明', seq: '证据序号', outcome: '踏勘结论', opinion: '核查意见',
  'items.title': '检查项名称', 'items.lookAt': '查看内容', 'items.conforming': '达标标准', 'items.code': '检查项编码',
  sectionCode: '科室', sectorCode: '行业', search: '搜索', year: '年份', source: '通知名称', festivals: '节假日', 'festivals.name': '节日名称', 'festivals.from': '放假开始日期',
  'festivals.to': '放假结束日期', 'festivals.workdays': '调休上班日期', confirm: '确认',
  signatureFileId: '签名', reasons: '不通过理由', rectificationItems: '整改事项', 'rectificationItems.itemCode': '核查项',
  'rectificationItems.requirement': '整改要求',
  receivedAt: '收件时间', 'email.from': '发件人地址', 'email.subject': '邮件主题', applicantEmail: '申请人电子邮箱',
  creditCode: '统一社会信用代码', phoneTail: '手机号后四位', deadline: '期限', issued: '原期限', adopt: '是否采用新期限', itemId: '整改事项', fileIds: '文件', score: '评分', suggestions: '意见建议',
};

const labelOf = (path: PropertyKey[]): string => {
  const key = path.filter((p) => typeof p === 'string').join('.');
  // A field without a Chinese label is not named: users should never read a code identifier.
  return FIELD_LABELS[key] ?? '提交的信息';
};

export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '提交的信息有误';
  const label = labelOf(issue.path);
  // Messages written in the schemas are already Chinese sentences.
  if (/[\u4e00-\u9fff]/.test(issue.message)) return `${label}：${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${label}：缺少或格式不正确`;
    case 'too_small':
      return `${label}：内容过短或过小`;
    case 'too_big':
      return `${label}：内容过长或过大`;
    case 'unrecognized_keys':
      return `包含无法识别的字段：${issue.keys.join('、')}`;
    default:
      return `${label}：填写有误`;
  }
}

/**
 * A schema shared by several actions, built on the first use: actions build their schemas on their first call
 * (api/action.ts), and a cold start should not build the fields of actions it does not serve.
 */
export const lazySchema = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

// Reusable field schemas. Strings are trimmed and bounded so nothing unbounded reaches the store.
export const text = (max: number, min = 1) =>
  z.string().trim().min(min, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
export const reasonText = lazySchema(() => text(500, 2));
export const idString = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '格式不正确' }));
export const version = lazySchema(() => z.number().int().min(1).max(1_000_000_000));
export const pageQuery = lazySchema(() => ({
  offset: z.number().int().min(0).max(100_000).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}));
export const phone = lazySchema(() => z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: '请填写正确的手机或座机号码' }));
