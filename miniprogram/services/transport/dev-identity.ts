// Local mode only: the local runtime takes the caller's identity from the X-Wx-Openid header (DESIGN.md).
// In cloud mode the identity is the OPENID WeChat gives the cloud function, and none of this is used.

export interface DemoUser {
  openid: string;
  name: string;
  roleLabel: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { openid: 'demo-applicant', name: '张三', roleLabel: '申请人' },
  { openid: 'demo-contact', name: '李四', roleLabel: '现场联系人' },
  { openid: 'demo-staff', name: '王芳', roleLabel: '审批工作人员' },
  { openid: 'demo-staff-2', name: '赵磊', roleLabel: '审批工作人员' },
  { openid: 'demo-head', name: '刘强', roleLabel: '科长' },
  { openid: 'demo-supervisor', name: '陈静', roleLabel: '政策法规科' },
  { openid: 'demo-regulator', name: '周敏', roleLabel: '行业监管部门' },
  { openid: 'demo-admin', name: '管理员', roleLabel: '系统管理员' },
];

const KEY = 'dev.openid';

/** The demo identity the local runtime should see. */
export function devOpenid(): string {
  const stored: unknown = wx.getStorageSync(KEY);
  return typeof stored === 'string' && stored ? stored : DEMO_USERS[0]!.openid;
}

export function setDevOpenid(openid: string): void {
  wx.setStorageSync(KEY, openid);
}
