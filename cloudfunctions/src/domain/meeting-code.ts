// What a handler pastes for a meeting they scheduled themselves: a bare meeting code, a Tencent Meeting link, or the
// invitation text the Tencent Meeting app copies. Known invitation formats:
//   current: "点击链接入会，或添加至会议列表：\nhttps://meeting.tencent.com/dm/<token>\n\n#腾讯会议：123-456-789"
//   older:   "https://meeting.tencent.com/s/<token>\n\n会议 ID：123 456 789\n会议密码：1234\n\n手机一键拨号入会\n+8675536550000,,123456789#"
//   personal room: "https://meeting.tencent.com/p/9606972663\n#腾讯会议：960-697-2663"
// Only labelled numbers count as the code, so dial-in strings and phone numbers in the text are never mistaken for it.

export interface PastedMeeting {
  meetingCode?: string;
  joinUrl?: string;
  /** From "会议密码：…", so the Mini Program can join without asking. */
  password?: string;
}

export type PasteRefusal =
  | 'empty'
  | 'not-found'
  | 'code-length'
  | 'several-codes'
  | 'not-https'
  | 'foreign-host'
  | 'not-a-join-link'
  | 'several-links';

export type PasteResult = ({ ok: true } & PastedMeeting) | { ok: false; reason: PasteRefusal; message: string };

const MEETING_HOST = 'meeting.tencent.com';
/** Join links: /dm/ (current invitations), /s/ (older invitations and REST answers), /p/ (personal rooms). */
const JOIN_PATH = /^\/(?:dm|s|p)\/[A-Za-z0-9_-]{4,64}\/?$/;
/** "#腾讯会议：", "会议号：", "会议号码：", "会议 ID：" followed by digits in groups. */
const LABELLED_CODE = /(?:腾讯会议|会议号码?|会议\s*ID)\s*(?::\s*)?(\d+(?:[ -]\d+)*)/gi;
const PASSWORD = /会议密码\s*(?::\s*)?([A-Za-z0-9]{4,6})(?![A-Za-z0-9])/;
const BARE_CODE = /^\d+(?:[ -]+\d+)*$/;
/** After NFKC the Chinese comma, semicolon and brackets are ASCII; "。" and "、" are not folded. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s<>"',;()。、]+/gi;

const refuse = (reason: PasteRefusal, message: string): PasteResult => ({ ok: false, reason, message });

const codeLengthRefusal = (digits: string): PasteResult =>
  refuse(
    'code-length',
    digits.length > 9
      ? `会议号应为 9 位数字，这里是 ${digits.length} 位（个人会议室号等更长的号码不能用于踏勘），请为本次踏勘预定一场会议后粘贴它的会议号`
      : `会议号应为 9 位数字，这里只有 ${digits.length} 位，请核对后重新粘贴`,
  );

/** Reads a pasted code, link or invitation; refuses anything that is not clearly one Tencent Meeting. */
export function parseMeetingPaste(pasted: string): PasteResult {
  // NFKC folds full-width digits, colons and spaces typed with a Chinese input method into ASCII.
  const text = pasted.normalize('NFKC').trim();
  if (!text) return refuse('empty', '请粘贴腾讯会议的会议号、入会链接或邀请信息');

  if (BARE_CODE.test(text)) {
    const digits = text.replace(/\D/g, '');
    return digits.length === 9 ? { ok: true, meetingCode: digits } : codeLengthRefusal(digits);
  }

  const codes = new Set([...text.matchAll(LABELLED_CODE)].map((m) => m[1].replace(/\D/g, '')));
  if (codes.size > 1) return refuse('several-codes', '粘贴的内容里有多个不同的会议号，请只粘贴一场会议的信息');
  const meetingCode: string | undefined = [...codes][0];
  if (meetingCode !== undefined && meetingCode.length !== 9) return codeLengthRefusal(meetingCode);

  const links = new Set<string>();
  for (const [raw] of text.matchAll(URL_IN_TEXT)) {
    // A link ending a sentence carries the sentence's full stop.
    const link = joinLinkOf(raw.replace(/[.!?]+$/, ''));
    if (!link.ok) return link;
    links.add(link.joinUrl);
  }
  if (links.size > 1) return refuse('several-links', '粘贴的内容里有多个不同的入会链接，请只粘贴一场会议的信息');
  const joinUrl: string | undefined = [...links][0];

  if (meetingCode === undefined && joinUrl === undefined) {
    return refuse('not-found', '没有找到腾讯会议的会议号或入会链接，请粘贴 9 位会议号（如 123 456 789）或腾讯会议的邀请信息');
  }
  const password = PASSWORD.exec(text)?.[1];
  return {
    ok: true,
    ...(meetingCode !== undefined && { meetingCode }),
    ...(joinUrl !== undefined && { joinUrl }),
    ...(password !== undefined && { password }),
  };
}

function joinLinkOf(raw: string): { ok: true; joinUrl: string } | Extract<PasteResult, { ok: false }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not-a-join-link', message: `无法识别链接：${raw}` };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, reason: 'not-https', message: '入会链接必须以 https:// 开头，请从腾讯会议重新复制' };
  }
  // `host` includes any explicit port, so "meeting.tencent.com:8443" is foreign too; credentials in a link are a trick.
  if (url.host !== MEETING_HOST || url.username || url.password) {
    return { ok: false, reason: 'foreign-host', message: `只接受腾讯会议（${MEETING_HOST}）的入会链接` };
  }
  if (!JOIN_PATH.test(url.pathname)) {
    return {
      ok: false,
      reason: 'not-a-join-link',
      message: '这不是腾讯会议的入会链接，应形如 https://meeting.tencent.com/dm/…',
    };
  }
  return { ok: true, joinUrl: `https://${MEETING_HOST}${url.pathname}${url.search}` };
}

/** The Tencent Meeting Mini Program, opened with wx.navigateToMiniProgram({appId, path}). */
export const TENCENT_MEETING_MINI_PROGRAM_APP_ID = 'wx33fd6cdc62520063';
/** Source channel the Mini Program records; its document asks for capitalised letters and digits. */
const MINI_PROGRAM_CHANNEL = 'RemoteInspection';

/**
 * The page path that opens the Tencent Meeting Mini Program straight into the meeting.
 * Per "实现拉起腾讯会议微信小程序入会" (https://cloud.tencent.com/document/product/1095/108571, updated 2025-08-08):
 * `pages/index/index[?chn=fromWhere[&code=meetingCode[&pwd=password][&nm=nickname]]]`, code 9–12 digits, pwd 4–6
 * letters or digits (ignored when the meeting has none), nm passed through encodeURIComponent. The older
 * `pages/sub-preMeeting/join-meeting/join-meeting?scene=m%3D<code>` path seen in forum posts is not documented.
 */
export function tencentMeetingMiniProgramPath(join: { meetingCode: string; nickname: string; password?: string }): string {
  if (!/^\d{9}$/.test(join.meetingCode)) throw new Error(`not a 9-digit meeting code: ${join.meetingCode}`);
  const params = [`chn=${MINI_PROGRAM_CHANNEL}`, `code=${join.meetingCode}`];
  if (join.password) params.push(`pwd=${encodeURIComponent(join.password)}`);
  const nickname = join.nickname.trim();
  if (nickname) params.push(`nm=${encodeURIComponent(nickname)}`);
  return `pages/index/index?${params.join('&')}`;
}
