import { formatField, kindOfKeyword } from '../../../cloudfunctions/src/domain/subscribe-fields';

// WeChat's published field rules at their edges (the mutation run found these unpinned), with the reason a refusal
// gives, since it is what the delivery log records.

test.each([
  ['number', '-12.5', false], ['number', '12.5', true], ['number', '1.', false], ['number', '1'.repeat(32), true], ['number', '1'.repeat(33), false], ['number', 'x1', false], ['number', '1x', false],
  ['amount', '¥100', true], ['amount', '¥100.5元', true], ['amount', '¥100元', true], ['amount', '100', false], ['amount', 'x¥100', false], ['amount', '¥100x', false],
  ['phone_number', '(022)-8888', true], ['phone_number', 'x022', false], ['phone_number', '022x', false],
  ['car_number', '津A12345', true], ['car_number', '津A1234学', true], ['car_number', '津A123456', true], ['car_number', '津A1234567', false],
  ['car_number', 'xA12345', false], ['car_number', '津A12345x', false], ['car_number', '津A', true],
] as const)('%s %j: accepted %s', (kind, text, accepted) => {
  expect(formatField(kind, text).ok).toBe(accepted);
});

test.each([
  ['number', 'abc', '须为32位以内数字：abc'],
  ['letter', '12', '须为32位以内字母：12'],
  ['symbol', 'abc', '须为5位以内符号：abc'],
  ['amount', '100', '须为币种符号加10位以内数字：100'],
  ['phone_number', 'abc', '须为17位以内数字或符号：abc'],
  ['car_number', 'abc', '车牌号格式不正确：abc'],
] as const)('%s refuses %j saying why', (kind, text, reason) => {
  expect(formatField(kind, text)).toEqual({ ok: false, reason });
});

test('a keyword is its kind and a number, nothing around it', () => {
  expect(kindOfKeyword('thing1')).toBe('thing');
  expect(kindOfKeyword('xthing1')).toBeNull();
  expect(kindOfKeyword('thing1x')).toBeNull();
});
