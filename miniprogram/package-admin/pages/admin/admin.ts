import { refusal, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import { currentUser, hasRole } from '../../../utils/session';

// 系统管理: the admin's way into each page of package-admin.

interface Entry {
  id: string;
  title: string;
  hint: string;
  url: string;
}

const ENTRIES: Entry[] = [
  { id: 'people', title: '人员与角色', hint: '查找人员，授予或取消角色，发送绑定链接添加工作人员', url: '/package-admin/pages/people/people' },
  { id: 'matters', title: '事项与核查标准', hint: '开放或暂停远程踏勘；编辑、预览并发布踏勘标准', url: '/package-admin/pages/matters/matters' },
  { id: 'settings', title: '系统设置', hint: '机关名称、试点期、抽查比例、每日踏勘上限、距离阈值、订阅消息模板', url: '/package-admin/pages/settings/settings' },
  { id: 'form-templates', title: '表单模板', hint: '同意书和告知承诺书：起草、预览 PDF、发布新版本', url: '/package-admin/pages/form-templates/form-templates' },
  { id: 'group-qr', title: '踏勘群二维码', hint: '各审批科室的微信群二维码，办件群中向申请人展示', url: '/package-admin/pages/group-qr/group-qr' },
  { id: 'failed-deliveries', title: '通知投递失败', hint: '微信未能送达的订阅消息：查看原因、重新发送或关闭', url: '/package-admin/pages/failed-deliveries/failed-deliveries' },
  { id: 'calendar', title: '工作日历', hint: '每年的节假日与调休安排；期限、预约时段和统计都按它计算工作日', url: '/package-admin/pages/calendar/calendar' },
];

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('身份信息'),
    entries: [] as Entry[],
  },

  async load() {
    if (!hasRole(await currentUser(), 'admin')) throw refusal('系统管理仅供系统管理员使用');
    return { entries: ENTRIES };
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: e.currentTarget.dataset.url as string });
  },
});
