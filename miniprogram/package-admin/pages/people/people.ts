import type { BindingInviteView, RoleChangeView } from '../../../../typings/api';
import type { GrantedRole, UserView } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { createBindingInvite } from '../../../services/admin/create-binding-invite';
import { listRoleChanges } from '../../../services/admin/list-role-changes';
import { listMatters } from '../../../services/matter/list-matters';
import { grantRoles } from '../../../services/user/grant-roles';
import { listUsers } from '../../../services/user/list-users';
import { formatChinaTime } from '../../../utils/china-time';
import { ROLE_LABELS, errorCode, errorText } from '../../../utils/format';
import { type ListData, emptyList } from '../../../utils/paged-list';

// 人员与角色: the people who opened the Mini Program, found by name or role; an officer is added by a one-time
// binding link they open in WeChat (openids cannot be typed); roles are granted and revoked with a reason, and each
// person's history of changes is shown. The sections to choose from are those of the matter catalogue, by name: an
// admin of a fresh deployment cannot be expected to know a section's code.

type RoleFilter = GrantedRole | 'none' | '';

interface Row {
  openid: string;
  name: string;
  phone: string;
  roles: GrantedRole[];
  roleText: string;
  sectionCode: string;
  sectorCode: string;
}

/** The role editor: one person's roles (or a new officer's, for a binding link). */
interface Editor {
  openid: string;
  name: string;
  roles: Record<GrantedRole, boolean>;
  sectionCode: string;
  sectorCode: string;
  reason: string;
}

const ROLES: GrantedRole[] = ['staff', 'sectionHead', 'supervisor', 'regulator', 'admin'];
const FILTERS: { value: RoleFilter; label: string }[] = [
  { value: '', label: '全部' }, ...ROLES.map((r) => ({ value: r as RoleFilter, label: ROLE_LABELS[r] })), { value: 'none', label: '未授权' },
];

const roleText = (roles: GrantedRole[]): string => roles.map((r) => ROLE_LABELS[r]).join('、') || '未授予角色';

const toRow = (u: UserView): Row => ({
  openid: u.openid, name: u.name || '未登记姓名', phone: u.phoneMasked ?? '', roles: u.roles, roleText: roleText(u.roles),
  sectionCode: u.sectionCode ?? '', sectorCode: u.sectorCode ?? '',
});

const editorOf = (openid: string, name: string, roles: GrantedRole[], sectionCode = '', sectorCode = ''): Editor => ({
  openid, name, sectionCode, sectorCode, reason: '',
  roles: Object.fromEntries(ROLES.map((r) => [r, roles.includes(r)])) as Record<GrantedRole, boolean>,
});

const historyLine = (c: RoleChangeView): string =>
  `${formatChinaTime(c.at)} ${c.byName}：${roleText(c.before)} → ${roleText(c.after)}（${c.reason}）`;

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<Row>() as ListData<Row>,
    filters: FILTERS,
    roleOptions: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    search: '',
    role: '' as RoleFilter,
    /** 'edit': one person's roles; 'invite': a new officer's binding link; '': closed. */
    panel: '' as '' | 'edit' | 'invite',
    editor: editorOf('', '', []),
    history: [] as string[],
    panelError: '',
    invite: null as (BindingInviteView & { expiresText: string; name: string }) | null,
    busy: false,
    /** The catalogue's approving sections and sector regulators; empty until the matters are installed. */
    sections: [] as { code: string; name: string }[],
    sectionNames: {} as Record<string, string>,
    sectors: [] as { code: string; name: string }[],
    sectorNames: {} as Record<string, string>,
  },

  /** With each reload of the list: the sections and sectors, which a newly installed catalogue brings. */
  async alsoRefresh() {
    try {
      const sectionNames: Record<string, string> = {};
      const sectorNames: Record<string, string> = {};
      for (const m of await listMatters({})) {
        sectionNames[m.sectionCode] = m.sectionName;
        sectorNames[m.sectorCode] = m.regulatorName;
      }
      const choices = (names: Record<string, string>) => Object.entries(names).map(([code, name]) => ({ code, name }));
      this.setData({ sectionNames, sections: choices(sectionNames), sectorNames, sectors: choices(sectorNames) });
    } catch {
      // Without the catalogue the code is typed, as before it is installed.
    }
  },

  listSource() {
    const { search, role } = this.data;
    const fetch = (offset: number, limit: number) => listUsers({ offset, limit, ...(search.trim() ? { search: search.trim() } : {}), ...(role ? { role } : {}) });
    return { fetch, map: toRow, what: '人员名单' };
  },

  onSearchInput(e: WechatMiniprogram.Input) {
    this.setData({ search: e.detail.value });
  },

  onSearch() {
    this.setData({ 'list.status': 'loading', panel: '' });
    asPagedList(this).reloadList();
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    this.setData({ role: e.currentTarget.dataset.role as RoleFilter, 'list.status': 'loading', panel: '' });
    asPagedList(this).reloadList();
  },

  async onOpenPerson(e: WechatMiniprogram.TouchEvent) {
    const row = this.data.list.items.find((r) => r.openid === e.currentTarget.dataset.openid);
    if (!row) return;
    this.setData({ panel: 'edit', editor: editorOf(row.openid, row.name, row.roles, row.sectionCode, row.sectorCode), history: [], panelError: '' });
    try {
      const changes = await listRoleChanges({ openid: row.openid, offset: 0, limit: 20 });
      this.setData({ history: changes.items.map(historyLine) });
    } catch (err) {
      this.setData({ history: [errorText(err, '角色变更记录加载失败')] });
    }
  },

  onOpenInvite() {
    this.setData({ panel: 'invite', editor: editorOf('', '', ['staff']), panelError: '', invite: null });
  },

  onClosePanel() {
    this.setData({ panel: '', invite: null });
  },

  onToggleRole(e: WechatMiniprogram.TouchEvent) {
    const role = e.currentTarget.dataset.role as GrantedRole;
    this.setData({ [`editor.roles.${role}`]: !this.data.editor.roles[role], panelError: '' });
  },

  /** A section or sector chip: `data-field` says which of the editor's codes it sets. */
  onPickUnit(e: WechatMiniprogram.TouchEvent) {
    const field = e.currentTarget.dataset.field as 'sectionCode' | 'sectorCode';
    this.setData({ [`editor.${field}`]: e.currentTarget.dataset.code as string, panelError: '' });
  },

  onEditorInput(e: WechatMiniprogram.Input) {
    const field = e.currentTarget.dataset.field as 'name' | 'sectionCode' | 'sectorCode' | 'reason';
    const value = field === 'sectionCode' || field === 'sectorCode' ? e.detail.value.trim().toUpperCase() : e.detail.value;
    this.setData({ [`editor.${field}`]: value, panelError: '' });
  },

  /** What the editor says, checked as the server checks it so the common mistakes are named at once. */
  grant(): { name: string; roles: GrantedRole[]; sectionCode?: string; sectorCode?: string; reason: string } | null {
    const e = this.data.editor;
    const roles = ROLES.filter((r) => e.roles[r]);
    const needsSection = roles.includes('staff') || roles.includes('sectionHead');
    const problem = !e.name.trim() ? '请填写姓名'
      : needsSection && !e.sectionCode ? '审批工作人员和科长须选择所属科室'
      : roles.includes('regulator') && !e.sectorCode ? '行业监管部门人员须选择所属行业监管部门'
      : e.reason.trim().length < 2 ? '请写明理由，如：新入职审批人员、调离审批岗位'
      : '';
    if (problem) {
      this.setData({ panelError: problem });
      return null;
    }
    return {
      name: e.name.trim(), roles, reason: e.reason.trim(),
      ...(needsSection ? { sectionCode: e.sectionCode } : {}), ...(roles.includes('regulator') ? { sectorCode: e.sectorCode } : {}),
    };
  },

  async onSaveRoles() {
    const grant = this.grant();
    if (!grant || this.data.busy) return;
    this.setData({ busy: true });
    try {
      const saved = await grantRoles({ openid: this.data.editor.openid, ...grant });
      const index = this.data.list.items.findIndex((r) => r.openid === saved.openid);
      this.setData({ [`list.items[${index}]`]: toRow(saved), panel: '' });
      wx.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      this.setData({ panelError: errorText(err, '保存失败，请重试') });
      if (errorCode(err) === 'CONFLICT') asPagedList(this).reloadList();
    }
    this.setData({ busy: false });
  },

  async onCreateInvite() {
    const grant = this.grant();
    if (!grant || this.data.busy) return;
    if (!grant.roles.length) {
      this.setData({ panelError: '请至少选择一个角色' });
      return;
    }
    this.setData({ busy: true });
    try {
      const invite = await createBindingInvite(grant);
      this.setData({ invite: { ...invite, name: grant.name, expiresText: formatChinaTime(invite.expiresAt) } });
    } catch (err) {
      this.setData({ panelError: errorText(err, '未能生成绑定链接，请重试') });
    }
    this.setData({ busy: false });
  },

  onCopyPath() {
    const invite = this.data.invite;
    if (invite) wx.setClipboardData({ data: `/${invite.path}` });
  },

  onShareAppMessage(res: WechatMiniprogram.Page.IShareAppMessageOption) {
    const invite = this.data.invite;
    if (res.from !== 'button' || !invite) return { title: '远程视频踏勘', path: '/pages/home/home' };
    // The link works once: the next officer needs a new one.
    this.setData({ invite: null, panel: '' });
    return { title: `${invite.name}，请绑定您的工作人员身份`, path: `/${invite.path}` };
  },
});
