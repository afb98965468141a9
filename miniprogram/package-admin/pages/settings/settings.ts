import type { OfficeSettings, SettingsView } from '../../../../typings/api';
import type { SubscribeTemplateKey } from '../../../../typings/models';
import { asSingleLoad, refusal, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import { getSettings } from '../../../services/admin/get-settings';
import { saveSettings } from '../../../services/admin/save-settings';
import { formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { currentUser, hasRole } from '../../../utils/session';
import { basisPointsText } from '../../../utils/basis-points';

// 系统设置: the office's settings, kept in the database and in force from the next request. The draw share is
// entered as whole basis points (万分点), the form the draw hashes it in.

type NumberField = 'trialMonths' | 'drawShareBasisPoints' | 'dailyMaximum' | 'premisesThresholdMeters';
type TextField = 'officeName' | 'district' | 'trialStart';

interface TemplateRow {
  key: SubscribeTemplateKey;
  title: string;
  id: string;
}

interface Form {
  officeName: string;
  district: string;
  trialStart: string;
  trialMonths: string;
  drawShareBasisPoints: string;
  dailyMaximum: string;
  premisesThresholdMeters: string;
}

const NUMBER_FIELDS: NumberField[] = ['trialMonths', 'drawShareBasisPoints', 'dailyMaximum', 'premisesThresholdMeters'];

const formOf = (v: SettingsView): Form => ({
  officeName: v.officeName, district: v.district, trialStart: v.trialStart, trialMonths: String(v.trialMonths),
  drawShareBasisPoints: String(v.drawShareBasisPoints), dailyMaximum: String(v.dailyMaximum), premisesThresholdMeters: String(v.premisesThresholdMeters),
});

const shareHint = (text: string): string => (/^\d+$/.test(text) ? `即 ${basisPointsText(Number(text))}（1000 万分点 = 10%，不得低于 10%）` : '请填写整数个万分点，如 1000 表示 10%');

/** The page's data for the settings as stored: loaded, or saved. */
function shown(v: SettingsView) {
  const form = formOf(v);
  return {
    version: v.version, form, shareHint: shareHint(form.drawShareBasisPoints), saveError: '',
    templates: v.templates.map((t): TemplateRow => ({ key: t.key, title: t.title, id: v.subscribeTemplateIds[t.key] ?? '' })),
    meeting: v.tencentMeetingConfigured ? '已配置（密钥保存在云函数环境变量中，此处不显示）' : '未配置：经办人手动填写腾讯会议号',
    updated: v.updatedAt ? `${v.updatedByName ?? '管理员'} 于 ${formatChinaTime(v.updatedAt)} 修改` : '当前为部署时环境变量中的初始值',
  };
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('系统设置'),
    version: 0,
    form: {} as Form,
    shareHint: '',
    templates: [] as TemplateRow[],
    meeting: '',
    updated: '',
    saveError: '',
    busy: false,
  },

  async load() {
    if (!hasRole(await currentUser(), 'admin')) throw refusal('系统设置仅供系统管理员维护');
    return shown(await getSettings({}));
  },

  onInput(e: WechatMiniprogram.Input) {
    const field = e.currentTarget.dataset.field as TextField | NumberField;
    const value = e.detail.value;
    this.setData(field === 'drawShareBasisPoints' ? { [`form.${field}`]: value, shareHint: shareHint(value), saveError: '' } : { [`form.${field}`]: value, saveError: '' });
  },

  onDate(e: WechatMiniprogram.PickerChange) {
    this.setData({ 'form.trialStart': String(e.detail.value), saveError: '' });
  },

  onTemplateInput(e: WechatMiniprogram.Input) {
    this.setData({ [`templates[${Number(e.currentTarget.dataset.index)}].id`]: e.detail.value.trim(), saveError: '' });
  },

  async onSave() {
    if (this.data.busy) return;
    const f = this.data.form;
    const bad = NUMBER_FIELDS.find((k) => !/^\d+$/.test(f[k].trim()));
    if (bad) {
      this.setData({ saveError: '数字项请填写整数' });
      return;
    }
    const settings: OfficeSettings = {
      officeName: f.officeName.trim(), district: f.district.trim(), trialStart: f.trialStart,
      trialMonths: Number(f.trialMonths), drawShareBasisPoints: Number(f.drawShareBasisPoints),
      dailyMaximum: Number(f.dailyMaximum), premisesThresholdMeters: Number(f.premisesThresholdMeters),
      subscribeTemplateIds: Object.fromEntries(this.data.templates.filter((t) => t.id).map((t) => [t.key, t.id])),
    };
    this.setData({ busy: true });
    try {
      this.setData(shown(await saveSettings({ ...settings, version: this.data.version })));
      wx.showToast({ title: '已保存，立即生效', icon: 'none' });
    } catch (err) {
      this.setData({ saveError: errorText(err, '保存失败，请重试') });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },
});
