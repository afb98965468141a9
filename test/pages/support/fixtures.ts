import type { CaseSummary, CaseView, GrantedRole, MatterView, WhoAmI } from '../../../typings/models';

export const VALID_CREDIT_CODE = '91350100M000100Y43';
/** The same code with a wrong check character. */
export const BAD_CHECK_CREDIT_CODE = '91350100M000100Y44';

export const matter = (overrides: Partial<MatterView> = {}): MatterView => ({
  code: 'SECONDARY_WATER',
  name: '二次供水单位卫生许可',
  sectionName: '社会事务审批科',
  sectionCode: 'social',
  sectorCode: 'health',
  regulatorName: '区卫生健康委员会',
  remoteAllowed: true,
  checklistVersion: 1,
  legalBasis: ['《生活饮用水卫生监督管理办法》'],
  checklist: [{ code: 'W1', title: '水箱间环境', lookAt: '水箱间四周', conforming: '无污染源' }],
  preparation: ['打开水箱间门，备好照明'],
  ...overrides,
});

export const me = (roles: GrantedRole[] = [], name = '张三'): WhoAmI => ({
  openid: 'demo-user',
  name,
  roles: roles.length ? roles : ['applicant'],
  actions: [],
  localMode: true,
});

export const caseSummary = (n: number, overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  id: `case-${n}`,
  number: `DL-20260612-${String(n).padStart(4, '0')}`,
  matterName: '二次供水单位卫生许可',
  companyName: `天津东丽第${n}供水有限公司`,
  state: 'submitted',
  stateLabel: '待受理',
  mode: 'remote',
  submittedAt: '2026-06-12T01:30:00.000Z',
  applicantNameMasked: '张*',
  ...overrides,
});

export const caseView = (overrides: Partial<CaseView> = {}): CaseView => ({
  ...caseSummary(7),
  version: 3,
  matterCode: 'SECONDARY_WATER',
  sectionCode: 'social',
  channel: 'miniprogram',
  applicantName: '张三',
  applicantPhoneMasked: '138****8000',
  company: { name: '天津东丽第7供水有限公司', creditCode: VALID_CREDIT_CODE },
  premises: { address: '天津市东丽区津塘路100号', latitude: 39.09, longitude: 117.31 },
  materials: [{ fileId: 'cloud://env/m1.pdf', name: '营业执照.pdf', size: 204800, uploadedAt: '2026-06-12T01:20:00.000Z' }],
  timeline: [{ at: '2026-06-12T01:30:00.000Z', actorName: '张三', action: 'submit', actionLabel: '提交申请', to: 'submitted' }],
  can: [],
  ...overrides,
});
