import { formatChinaDate, formatChinaTime } from '../../miniprogram/utils/china-time';
import { creditCodeCheckChar, creditCodeError } from '../../miniprogram/utils/credit-code';
import { maskCreditCode, maskName, maskPhone } from '../../miniprogram/utils/mask';
import { validateApplication, emptyForm } from '../../miniprogram/utils/application-form';
import { VALID_CREDIT_CODE } from './support/fixtures';

test('times are shown in China time whatever the zone of the phone', () => {
  // The suite runs with TZ=UTC: 16:05 UTC on 30 June is already 1 July in China.
  expect(formatChinaTime('2026-06-30T16:05:00.000Z')).toBe('2026-07-01 00:05');
  expect(formatChinaDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
  expect(formatChinaTime(undefined)).toBe('');
  expect(formatChinaTime('not a date')).toBe('');
});

test('the credit code check digit follows GB 32100-2015', () => {
  expect(creditCodeCheckChar(VALID_CREDIT_CODE.slice(0, 17))).toBe('3');
  expect(creditCodeError(VALID_CREDIT_CODE)).toBe('');
  expect(creditCodeError('91120110MA05JXXX8F')).toBe('');
  expect(creditCodeError('91350100M000100Y44')).toContain('校验位不正确');
  expect(creditCodeError('91350100M00010OY43')).toContain('“O”');
  expect(creditCodeError('9135010')).toBe('应为18位，当前7位');
});

test('a credit code being typed is not an error until it is wrong', () => {
  expect(creditCodeError('', true)).toBe('');
  expect(creditCodeError('913501', true)).toBe('');
  expect(creditCodeError('91350I', true)).toContain('无效字符');
  expect(creditCodeError('91350100M000100Y44', true)).toContain('校验位不正确');
});

test('personal data is masked', () => {
  expect(maskName('张三丰')).toBe('张**');
  expect(maskPhone('13800138000')).toBe('138****8000');
  expect(maskCreditCode(VALID_CREDIT_CODE)).toBe('91350100******0Y43');
});

test('remote inspection cannot be chosen for a matter that does not allow it', () => {
  const form = { ...emptyForm(), mode: 'remote' as const };
  expect(validateApplication(form, false, '').mode).toBe('该事项不支持远程视频踏勘，请选择现场踏勘');
  expect(validateApplication(form, true, '').mode).toBeUndefined();
});
