import type { InspectionMode } from '../../typings/models';
import { creditCodeError } from './credit-code';

/** The application form as the page holds it. */
export interface ApplicationForm {
  companyName: string;
  creditCode: string;
  applicantName: string;
  applicantPhone: string;
  address: string;
  latitude: number;
  longitude: number;
  located: boolean;
  mode: InspectionMode | '';
}

export type FormField = 'companyName' | 'creditCode' | 'applicantName' | 'applicantPhone' | 'premises' | 'mode' | 'materials';
export type FormErrors = Partial<Record<FormField, string>>;

export const emptyForm = (): ApplicationForm => ({
  companyName: '',
  creditCode: '',
  applicantName: '',
  applicantPhone: '',
  address: '',
  latitude: 0,
  longitude: 0,
  located: false,
  mode: '',
});

const length = (s: string) => Array.from(s.trim()).length;
/** A mobile number, or a landline with its area code (the server's rule). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** One field's error, '' when it is right. */
export function fieldError(field: Exclude<FormField, 'materials'>, form: ApplicationForm, remoteAllowed: boolean): string {
  switch (field) {
    case 'companyName':
      if (!length(form.companyName)) return '请填写企业名称';
      return length(form.companyName) < 2 || length(form.companyName) > 100 ? '企业名称应为2至100个字' : '';
    case 'creditCode':
      return creditCodeError(form.creditCode);
    case 'applicantName':
      if (!length(form.applicantName)) return '请填写申请人姓名';
      return length(form.applicantName) < 2 || length(form.applicantName) > 30 ? '姓名应为2至30个字' : '';
    case 'applicantPhone':
      if (!form.applicantPhone.trim()) return '请填写联系电话';
      return PHONE.test(form.applicantPhone.trim()) ? '' : '请填写正确的手机或座机号码';
    case 'premises':
      if (!form.located) return '请在地图上选择经营场所的位置';
      return length(form.address) < 5 ? '请补充详细地址' : '';
    case 'mode':
      if (!form.mode) return '请选择踏勘方式';
      return form.mode === 'remote' && !remoteAllowed ? '该事项不支持远程视频踏勘，请选择现场踏勘' : '';
  }
}

const FIELDS = ['companyName', 'creditCode', 'applicantName', 'applicantPhone', 'premises', 'mode'] as const;

/** Every field's error, in the order they appear on the form; {} when the form can be sent. */
export function validateApplication(form: ApplicationForm, remoteAllowed: boolean, materialsError: string): FormErrors {
  const errors: FormErrors = {};
  for (const field of FIELDS) {
    const error = fieldError(field, form, remoteAllowed);
    if (error) errors[field] = error;
  }
  if (materialsError) errors.materials = materialsError;
  return errors;
}
