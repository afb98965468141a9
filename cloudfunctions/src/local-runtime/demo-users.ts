import type { GrantedRole } from '../../../typings/models';

/** The demo people of `npm start`, one per role, in the section and sector of the pilot matters. */
export const DEMO_USERS: { openid: string; name: string; label: string; roles: GrantedRole[]; sectionCode?: string; sectorCode?: string }[] = [
  { openid: 'demo-applicant', name: '张三', label: '申请人', roles: [] },
  { openid: 'demo-contact', name: '李四', label: '现场联系人', roles: [] },
  { openid: 'demo-staff', name: '王芳', label: '审批工作人员', roles: ['staff'], sectionCode: 'SEC-SOCIAL' },
  { openid: 'demo-staff-2', name: '赵磊', label: '审批工作人员', roles: ['staff'], sectionCode: 'SEC-SOCIAL' },
  { openid: 'demo-head', name: '刘强', label: '科长', roles: ['staff', 'sectionHead'], sectionCode: 'SEC-SOCIAL' },
  { openid: 'demo-supervisor', name: '陈静', label: '政策法规科', roles: ['supervisor'] },
  { openid: 'demo-regulator', name: '周敏', label: '行业监管部门', roles: ['regulator'], sectorCode: 'REG-HEALTH' },
  { openid: 'demo-admin', name: '系统管理员', label: '管理员', roles: ['admin'] },
];

export const DEMO_ADMIN = 'demo-admin';
