import {
  parseMeetingPaste,
  TENCENT_MEETING_MINI_PROGRAM_APP_ID,
  tencentMeetingMiniProgramPath,
} from '../../../cloudfunctions/src/domain/meeting-code';
import { ManualMeetings } from '../../../cloudfunctions/src/adapters/tencent-meeting/manual-meetings';
import { MeetingError, type Meetings } from '../../../cloudfunctions/src/ports/meetings';

// Invitation texts as the Tencent Meeting app copies them (names and tokens changed).
const CURRENT_INVITATION = `张三 邀请您参加腾讯会议
会议主题：二次供水单位卫生许可远程踏勘
会议时间：2026/06/12 09:30-10:30 (GMT+08:00) 中国标准时间 - 北京

点击链接入会，或添加至会议列表：
https://meeting.tencent.com/dm/Xk3Lm9QpR2sT

#腾讯会议：445-999-969

复制该信息，打开手机腾讯会议即可参与`;

const OLDER_INVITATION = `李四 邀请您参加腾讯会议
会议主题：李四的快速会议
会议时间：2021/03/01 10:00-11:00 (GMT+08:00) 中国标准时间 - 北京

点击链接入会，或添加至会议列表：
https://meeting.tencent.com/s/tr9QHLCZrIo0

会议 ID：580 428 905
会议密码：1234

手机一键拨号入会
+8675536550000,,580428905# (中国大陆)
+85230018898,,,2,580428905# (中国香港)

根据您的位置拨号
+8675536550000 (中国大陆)
+85230018898 (中国香港)

复制该信息，打开手机腾讯会议即可参与`;

const PERSONAL_ROOM_INVITATION = `金瑶 邀请您加入【金瑶的个人会议室】
点击链接直接加入腾讯会议：
https://meeting.tencent.com/p/9606972663
#腾讯会议：960-697-2663`;

describe('parseMeetingPaste', () => {
  it.each([
    ['123456789', '123456789'],
    ['123 456 789', '123456789'],
    ['123-456-789', '123456789'],
    ['  123 - 456 - 789\n', '123456789'],
    ['１２３ ４５６ ７８９', '123456789'], // typed with a Chinese input method
  ])('reads the bare code %j', (pasted, meetingCode) => {
    expect(parseMeetingPaste(pasted)).toEqual({ ok: true, meetingCode });
  });

  it('reads the code and link from the current invitation text', () => {
    expect(parseMeetingPaste(CURRENT_INVITATION)).toEqual({
      ok: true,
      meetingCode: '445999969',
      joinUrl: 'https://meeting.tencent.com/dm/Xk3Lm9QpR2sT',
    });
  });

  it('reads the code, link and password from the older invitation, ignoring the dial-in numbers', () => {
    expect(parseMeetingPaste(OLDER_INVITATION)).toEqual({
      ok: true,
      meetingCode: '580428905',
      joinUrl: 'https://meeting.tencent.com/s/tr9QHLCZrIo0',
      password: '1234',
    });
  });

  it.each([
    ['会议号：123 456 789', '123456789'],
    ['会议号码: 123-456-789', '123456789'],
    ['#腾讯会议：123-456-789', '123456789'],
    ['会议ID：123456789，请准时参加。', '123456789'],
  ])('reads a labelled code in %j', (pasted, meetingCode) => {
    expect(parseMeetingPaste(pasted)).toEqual({ ok: true, meetingCode });
  });

  it('reads a link with a "会议号" line pasted by hand', () => {
    expect(parseMeetingPaste('会议号：123 456 789\n链接：https://meeting.tencent.com/dm/AbCdEf123456。')).toEqual({
      ok: true,
      meetingCode: '123456789',
      joinUrl: 'https://meeting.tencent.com/dm/AbCdEf123456',
    });
  });

  it('accepts a join link alone; it carries no code', () => {
    expect(parseMeetingPaste('https://meeting.tencent.com/dm/AbCdEf123456')).toEqual({
      ok: true,
      joinUrl: 'https://meeting.tencent.com/dm/AbCdEf123456',
    });
    expect(parseMeetingPaste('https://meeting.tencent.com/p/9606972663')).toEqual({
      ok: true,
      joinUrl: 'https://meeting.tencent.com/p/9606972663',
    });
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['明天上午九点开会', 'not-found'],
    ['+8675536550000,,580428905#', 'not-found'],
    ['12345678', 'code-length'],
    ['1234 5678 90', 'code-length'],
    [PERSONAL_ROOM_INVITATION, 'code-length'],
    ['会议号：123 456 789\n会议号：987 654 321', 'several-codes'],
    ['http://meeting.tencent.com/dm/AbCdEf123456', 'not-https'],
    ['https://meeting.tencent.com.evil.cn/dm/AbCdEf123456', 'foreign-host'],
    ['https://evil.cn/dm/AbCdEf123456?u=meeting.tencent.com', 'foreign-host'],
    ['https://meeting.tencent.com:8443/dm/AbCdEf123456', 'foreign-host'],
    ['https://someone@meeting.tencent.com/dm/AbCdEf123456', 'foreign-host'],
    ['会议号：123 456 789 详情见 https://example.com/meeting', 'foreign-host'],
    ['https://meeting.tencent.com/download/', 'not-a-join-link'],
    ['https://meeting.tencent.com/dm/AbCdEf123456 https://meeting.tencent.com/dm/ZyXwVu987654', 'several-links'],
  ])('refuses %j (%s) with a Chinese message', (pasted, reason) => {
    const result = parseMeetingPaste(pasted);
    expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('says why a personal meeting room number is refused', () => {
    const result = parseMeetingPaste(PERSONAL_ROOM_INVITATION);
    expect(!result.ok && result.message).toContain('10 位');
  });
});

describe('tencentMeetingMiniProgramPath', () => {
  it('builds the documented join path with the nickname URL-encoded', () => {
    expect(TENCENT_MEETING_MINI_PROGRAM_APP_ID).toBe('wx33fd6cdc62520063');
    expect(
      tencentMeetingMiniProgramPath({ meetingCode: '445999969', nickname: '二次供水单位卫生许可-2026-06-12 09:30-张三' }),
    ).toBe(
      'pages/index/index?chn=RemoteInspection&code=445999969&nm=' +
        '%E4%BA%8C%E6%AC%A1%E4%BE%9B%E6%B0%B4%E5%8D%95%E4%BD%8D%E5%8D%AB%E7%94%9F%E8%AE%B8%E5%8F%AF-2026-06-12%2009%3A30-%E5%BC%A0%E4%B8%89',
    );
  });

  it('encodes characters that would break the query', () => {
    const path = tencentMeetingMiniProgramPath({ meetingCode: '445999969', nickname: 'A&B=C?#%', password: 'ab12' });
    expect(path).toBe('pages/index/index?chn=RemoteInspection&code=445999969&pwd=ab12&nm=A%26B%3DC%3F%23%25');
    expect(new URLSearchParams(path.split('?')[1]).get('nm')).toBe('A&B=C?#%');
  });

  it('leaves out an empty nickname and refuses a code that is not 9 digits', () => {
    expect(tencentMeetingMiniProgramPath({ meetingCode: '445999969', nickname: '  ' })).toBe(
      'pages/index/index?chn=RemoteInspection&code=445999969',
    );
    expect(() => tencentMeetingMiniProgramPath({ meetingCode: '44599996', nickname: '张三' })).toThrow();
  });
});

describe('ManualMeetings', () => {
  const slot = { subject: '踏勘', start: new Date('2026-06-12T01:30:00Z'), end: new Date('2026-06-12T02:30:00Z') };

  it("turns the handler's pasted invitation into the meeting", async () => {
    await expect(new ManualMeetings(OLDER_INVITATION).createMeeting()).resolves.toEqual({
      provider: 'manual',
      meetingCode: '580428905',
      joinUrl: 'https://meeting.tencent.com/s/tr9QHLCZrIo0',
      password: '1234',
    });
    await expect(new ManualMeetings('123 456 789').createMeeting()).resolves.toEqual({
      provider: 'manual',
      meetingCode: '123456789',
    });
  });

  it('refuses what the parser refuses, with its message', async () => {
    const error = await new ManualMeetings('http://meeting.tencent.com/dm/AbCdEf123456').createMeeting().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingError);
    expect(error).toMatchObject({ code: 'MEETING_INPUT_INVALID', message: expect.stringContaining('https://') });
  });

  it('refuses a link without a code, since the Mini Program joins by code', async () => {
    const error = await new ManualMeetings('https://meeting.tencent.com/dm/AbCdEf123456')
      .createMeeting()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MEETING_INPUT_INVALID', message: expect.stringContaining('会议号') });
  });

  it('fits the Meetings port', async () => {
    const meetings: Meetings = new ManualMeetings('123456789');
    await expect(meetings.createMeeting(slot)).resolves.toMatchObject({ meetingCode: '123456789' });
  });
});
