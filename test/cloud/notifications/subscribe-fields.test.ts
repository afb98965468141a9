import { type FieldKind, formatField, kindOfKeyword } from '../../../cloudfunctions/src/domain/subscribe-fields';

// WeChat's rule per field kind (subscribeMessage.send): a value that breaks it fails the whole send with 47003.

const value = (kind: FieldKind, source: Parameters<typeof formatField>[1]): string => {
  const r = formatField(kind, source);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.value;
};
const refused = (kind: FieldKind, source: Parameters<typeof formatField>[1]): string => {
  const r = formatField(kind, source);
  if (r.ok) throw new Error(`accepted: ${r.value}`);
  return r.reason;
};

describe('thing (≤ 20 characters of any kind)', () => {
  test('keeps text of twenty characters as it is', () => {
    expect(value('thing', '天津东丽宏达物业管理有限公司二次供水卫生')).toBe('天津东丽宏达物业管理有限公司二次供水卫生');
  });

  test('cuts longer text to twenty characters, the last an ellipsis', () => {
    const cut = value('thing', '天津市东丽区津塘公路398号宏达物业管理有限公司二次供水设施');
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut).toBe('天津市东丽区津塘公路398号宏达物业管…');
  });

  test('counts a character outside the BMP as one and never splits it', () => {
    const text = '𠀀'.repeat(25);
    const cut = value('thing', text);
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut.endsWith('𠀀…')).toBe(true);
  });

  test('puts text on one line', () => {
    expect(value('thing', '缺少营业执照\n  和  卫生许可\t证')).toBe('缺少营业执照 和 卫生许可 证');
  });

  test('refuses empty text', () => {
    expect(refused('thing', '  \n ')).toContain('为空');
  });

  test('shows an instant as China date and time', () => {
    expect(value('thing', { instant: '2026-06-12T01:30:00.000Z' })).toBe('2026年6月12日 09:30');
  });
});

describe('phrase (≤ 5 Chinese characters only)', () => {
  test.each(['通过', '已受理', '转现场踏勘'])('accepts %s', (text) => {
    expect(value('phrase', text)).toBe(text);
  });

  test.each(['许可证已撤销', 'OK', '通过!', '第2次'])('refuses %s', (text) => {
    expect(refused('phrase', text)).toContain('5个以内汉字');
  });
});

describe('character_string (≤ 32 digits, letters or symbols)', () => {
  test('accepts a case number', () => {
    expect(value('character_string', 'DL-20260612-0007')).toBe('DL-20260612-0007');
  });

  test('refuses Chinese, spaces and more than 32 characters rather than cut a code', () => {
    expect(refused('character_string', '东丽-0007')).toContain('32位以内');
    expect(refused('character_string', 'DL 0007')).toContain('32位以内');
    expect(refused('character_string', 'A'.repeat(33))).toContain('32位以内');
    expect(value('character_string', 'A'.repeat(32))).toHaveLength(32);
  });
});

describe('time and date (China time)', () => {
  test('formats an instant as 2019年10月1日 15:01 in China time whatever the process zone', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(value('time', { instant: '2026-06-11T16:05:00.000Z' })).toBe('2026年6月12日 00:05');
    expect(value('date', { instant: '2026-06-11T16:05:00.000Z' })).toBe('2026年6月12日');
  });

  test('accepts written times, dates and ranges in WeChat\'s form', () => {
    expect(value('time', '15:01')).toBe('15:01');
    expect(value('time', '2019年10月1日 15:01~2019年10月1日 16:01')).toBe('2019年10月1日 15:01~2019年10月1日 16:01');
    expect(value('date', '2019年10月1日')).toBe('2019年10月1日');
    expect(value('date', '2019年10月1日 15:01')).toBe('2019年10月1日 15:01');
  });

  test('refuses other forms and unreadable instants', () => {
    expect(refused('time', '2026-06-12 09:30')).toContain('时间格式');
    expect(refused('date', '6月12日')).toContain('日期格式');
    expect(refused('time', { instant: '' })).toContain('不是有效的时间');
    expect(refused('date', { instant: 'tomorrow' })).toContain('不是有效的时间');
  });
});

describe('name (≤ 10 Chinese characters, or ≤ 20 letters and symbols)', () => {
  test('keeps names within the limits', () => {
    expect(value('name', '王芳')).toBe('王芳');
    expect(value('name', 'Wang Fang')).toBe('Wang Fang');
  });

  test('cuts a long name without an ellipsis, which would break a Chinese name', () => {
    expect(value('name', '阿卜杜热合曼·买买提明江')).toBe('阿卜杜热合曼·买买提');
    expect(value('name', 'Maximilian-Alexander Schmidt')).toHaveLength(20);
  });

  test('refuses digits and instants', () => {
    expect(refused('name', '张三1')).toContain('数字');
    expect(refused('name', { instant: '2026-06-12T01:30:00Z' })).toContain('时间');
  });
});

describe('the other kinds are codes or quantities: refused, never cut', () => {
  test.each<[FieldKind, string, string]>([
    ['number', '339208499', '1234567890123456789012345678901234'],
    ['number', '12.5', '12,5'],
    // WeChat's number takes digits and a decimal part, no sign.
    ['number', '3', '-3'],
    ['number', '0.5', '+0.5'],
    ['letter', 'ABCdef', 'ABC1'],
    ['symbol', '#-+', '######'],
    ['amount', '¥120.50元', '120元'],
    ['phone_number', '+86-022-24390000', '022-2439-0000-0000-0'],
    ['car_number', '津A8Z888', '津A8Z8888挂'],
  ])('%s accepts %s and refuses %s', (kind, good, bad) => {
    expect(value(kind, good)).toBe(good);
    expect(formatField(kind, bad).ok).toBe(false);
  });
});

describe('enum: only a value the template defines', () => {
  test('accepts one of the template\'s values, refuses others and instants', () => {
    expect(formatField('enum', '已受理', ['已受理', '已办结'])).toEqual({ ok: true, value: '已受理' });
    expect(formatField('enum', '处理中', ['已受理', '已办结'])).toEqual({ ok: false, reason: expect.stringContaining('已受理、已办结') });
    expect(formatField('enum', { instant: '2026-06-12T01:30:00Z' }, ['已受理']).ok).toBe(false);
  });

  test('without the template\'s values nothing is sent', () => {
    expect(formatField('enum', '已受理')).toEqual({ ok: false, reason: '模板未配置该枚举字段的取值' });
  });
});

test('the kind of a template keyword is its name without the number', () => {
  expect(kindOfKeyword('enum5')).toBe('enum');
  expect(kindOfKeyword('character_string12')).toBe('character_string');
  expect(kindOfKeyword('thing2')).toBe('thing');
  expect(kindOfKeyword('phone_number3')).toBe('phone_number');
  expect(kindOfKeyword('thing')).toBeNull();
  expect(kindOfKeyword('site01x')).toBeNull();
  expect(kindOfKeyword('site01')).toBeNull();
});
