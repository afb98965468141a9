import type { ClaimTicket } from '../../../typings/api/claims';
import type { ActionContext } from '../../../cloudfunctions/src/api/context';
import { AppError } from '../../../cloudfunctions/src/api/errors';
import { issueClaimCode, updateClaimCode } from '../../../cloudfunctions/src/application/claims';
import { freezeUploads } from '../../../cloudfunctions/src/application/frozen-files';
import { inviteId } from '../../../cloudfunctions/src/application/invites';
import { meetingAppError } from '../../../cloudfunctions/src/application/meetings';
import { provisionalCheck } from '../../../cloudfunctions/src/application/provisional-marks';
import { renderReceipt } from '../../../cloudfunctions/src/application/registration-receipt';
import { overdueReason, sectionOf, toSectionCaseRow } from '../../../cloudfunctions/src/application/section-cases';
import { SUPERVISE_PAGES } from '../../../cloudfunctions/src/application/supervision-pages';
import { SYSTEM_ACTOR, systemContext } from '../../../cloudfunctions/src/application/system-context';
import type { Deps } from '../../../cloudfunctions/src/api/context';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { readFileSync } from 'node:fs';
import type { HolidayYear } from '../../../cloudfunctions/src/domain/holiday-year';
import type { Calendar } from '../../../cloudfunctions/src/ports/calendar';
import { MeetingError } from '../../../cloudfunctions/src/ports/meetings';
import type { PdfJob } from '../../../cloudfunctions/src/ports/pdf';
import { Readable } from 'node:stream';

// The application layer's small helpers, each through its own exported function with only the ports it uses
// stood in: what the long flows reach only in passing (found by the mutation run, test/mutation/).

describe('meetingAppError', () => {
  test('an error that is not the meeting service’s passes through as it is', () => {
    const other = new TypeError('boom');
    expect(meetingAppError(other)).toBe(other);
  });

  test('the user’s own input is a VALIDATION; a refusal by the service is MEETING_FAILED, logged with its detail', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(meetingAppError(new MeetingError('MEETING_INPUT_INVALID', '会议号应为9位数字'))).toMatchObject({ code: 'VALIDATION', message: '会议号应为9位数字' });
      expect(warn).not.toHaveBeenCalled();
      const failed = meetingAppError(new MeetingError('MEETING_AUTH_FAILED', '腾讯会议拒绝了本办公室的凭据', 'HTTP 401 code 190300'));
      expect(failed).toBeInstanceOf(AppError);
      expect(failed).toMatchObject({ code: 'MEETING_FAILED', message: '腾讯会议拒绝了本办公室的凭据' });
      expect(warn).toHaveBeenLastCalledWith('meeting: not created', 'MEETING_AUTH_FAILED', 'HTTP 401 code 190300');
      meetingAppError(new MeetingError('MEETING_UNAVAILABLE', '腾讯会议暂时无法连接'));
      expect(warn).toHaveBeenLastCalledWith('meeting: not created', 'MEETING_UNAVAILABLE', '');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('provisionalCheck', () => {
  const yearOf = (year: number, provisional: boolean): HolidayYear => ({ year, festivals: [], provisional, source: provisional ? '法定节假日' : '国务院办公厅通知' });
  /** 2026 still without its notice, 2027 entered; 2030 the calendar cannot give. Counts each year read. */
  const calendar = () => {
    const reads: number[] = [];
    const cal: Calendar = {
      year: async (year) => {
        reads.push(year);
        if (year === 2030) throw new AppError('VALIDATION', '2030 年的节假日安排尚未录入');
        return yearOf(year, year === 2026);
      },
      years: async () => {
        throw new Error('not used');
      },
    };
    return { cal, reads };
  };

  test('a date issued without the mark never gains it, whatever its year', async () => {
    const { cal, reads } = calendar();
    expect(await provisionalCheck(cal)(false, '2026-12-30T02:00:00.000Z')).toBe(false);
    expect(await provisionalCheck(cal)(undefined, '2026-12-30T02:00:00.000Z')).toBe(false);
    expect(reads).toEqual([]);
  });

  test('a marked date keeps the mark while any China year it spans lacks its notice, from the first year on', async () => {
    const { cal } = calendar();
    const check = provisionalCheck(cal);
    // Counted from 30 December 2026 (no notice) to 5 January 2027 (entered).
    expect(await check(true, '2027-01-05T02:00:00.000Z', '2026-12-30T02:00:00.000Z')).toBe(true);
    expect(await check(true, '2027-01-05T02:00:00.000Z')).toBe(false);
    // 31 December 2026 at 17:00 UTC is already 2027 in China.
    expect(await check(true, '2026-12-31T17:00:00.000Z')).toBe(false);
  });

  test('a year the calendar cannot give keeps the mark', async () => {
    const { cal } = calendar();
    expect(await provisionalCheck(cal)(true, '2030-03-01T02:00:00.000Z')).toBe(true);
  });

  test('each year is read once per check, however many dates ask', async () => {
    const { cal, reads } = calendar();
    const check = provisionalCheck(cal);
    await Promise.all([check(true, '2027-02-01T02:00:00.000Z'), check(true, '2027-03-01T02:00:00.000Z'), check(true, '2027-04-01T02:00:00.000Z', '2027-05-01T02:00:00.000Z')]);
    expect(reads).toEqual([2027]);
  });
});

describe('freezeUploads', () => {
  const frozenPaths = async (names: string[]): Promise<string[]> => {
    const paths: string[] = [];
    const ctx = {
      now: new Date('2026-12-04T02:00:00.000Z'),
      ids: { randomHex: () => 'abcd1234' },
      files: {
        copy: async (_from: string, path: string) => {
          paths.push(path);
          return { fileId: `cloud://${path}` };
        },
        read: async () => Readable.from([Buffer.from('材料')]),
      },
    } as unknown as ActionContext;
    const frozen = await freezeUploads(ctx, 'case-1', 'materials', names.map((name, i) => ({ fileId: `uploads/u/${i}`, name, size: 6, type: 'application/pdf', sha256: '', uploadedAt: '2026-12-04T01:00:00.000Z' })));
    expect(frozen.map((m) => m.name)).toEqual(names);
    return paths;
  };

  test('the copy’s name keeps letters, digits, dots, dashes and underscores; each run of anything else is one underscore', async () => {
    expect(await frozenPaths(['营业执照 副本（2026）.pdf', 'a  b//c.png', 'plan_v2-final.JPG'])).toEqual([
      'cases/case-1/materials/1796349600000-abcd1234-营业执照_副本_2026_.pdf',
      'cases/case-1/materials/1796349600000-abcd1234-a_b_c.png',
      'cases/case-1/materials/1796349600000-abcd1234-plan_v2-final.JPG',
    ]);
  });

  test('a long name keeps its last 80 characters, so the type stays at its end', async () => {
    const long = `${'很长的文件名'.repeat(20)}.pdf`;
    const [path] = await frozenPaths([long]);
    expect(path).toBe(`cases/case-1/materials/1796349600000-abcd1234-${long.slice(-80)}`);
  });
});

describe('renderReceipt', () => {
  const ticket: ClaimTicket = { code: 'ABCD-EFGH', expiresAt: '2026-12-18T02:00:00.000Z', path: '/pages/claim/claim' };
  const render = async (reissued?: boolean): Promise<PdfJob> => {
    const jobs: PdfJob[] = [];
    const ctx = {
      now: new Date('2026-12-05T02:00:00.000Z'),
      config: { officeName: '示范区行政审批局' },
      pdf: {
        render: async (job: PdfJob) => {
          jobs.push(job);
          return { fileId: 'cloud://receipt.pdf' };
        },
      },
    } as unknown as ActionContext;
    const c = { _id: 'case-9', number: 'TK-2026-0009', matterName: '食品经营许可', company: { name: '青禾餐饮有限公司' }, channel: 'counter' } as Parameters<typeof renderReceipt>[1];
    expect(await renderReceipt(ctx, c, '2026-12-04T02:00:00.000Z', ticket, reissued)).toBe('cloud://receipt.pdf');
    return jobs[0]!;
  };

  test('the first receipt is filed under the case’s number and says nothing of a reissue', async () => {
    const job = await render();
    expect(job).toMatchObject({ kind: 'registrationReceipt', caseId: 'case-9', pathPrefix: 'cases/case-9/receipt/TK-2026-0009' });
    expect(job.kind === 'registrationReceipt' && job.receipt).toEqual({
      caseNumber: 'TK-2026-0009', matterName: '食品经营许可', companyName: '青禾餐饮有限公司', channelLabel: '窗口收件',
      receivedAt: '2026-12-04T02:00:00.000Z', officeName: '示范区行政审批局', claimCode: 'ABCD-EFGH', claimExpiresAt: '2026-12-18T02:00:00.000Z',
    });
  });

  test('a reissued receipt says when it was reissued', async () => {
    const job = await render(true);
    expect(job.kind === 'registrationReceipt' && job.receipt.reissuedAt).toBe('2026-12-05T02:00:00.000Z');
  });
});

describe('claim codes', () => {
  const ctxWith = (store: Partial<ActionContext['store']>) =>
    ({
      now: new Date('2026-12-04T02:00:00.000Z'), caller: { openid: 'officer' }, config: {},
      ids: { randomHex: (bytes: number) => '00'.repeat(bytes) }, store,
    }) as unknown as ActionContext;

  test('a code whose hash is already taken is not issued twice: the officer is asked to try again', async () => {
    const taken = new Set<string>();
    const ctx = ctxWith({ insert: async (_c: string, id: string) => !taken.has(id) && !!taken.add(id) });
    const first = await issueClaimCode(ctx, 'case-1');
    expect(first.ticket.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(issueClaimCode(ctx, 'case-2')).rejects.toMatchObject({ code: 'CONFLICT', message: '系统繁忙，请稍后重试' });
  });

  test('changing a code that is gone, or that another request changed first, answers false', async () => {
    expect(await updateClaimCode(ctxWith({ get: async () => null }), 'h', (r) => r)).toBe(false);
    const record = { _id: 'h', _version: 3, caseId: 'c', failures: 0 };
    const replaced: unknown[] = [];
    const ctx = ctxWith({ get: async () => record as never, replace: async (...args: unknown[]) => (replaced.push(args), null) });
    expect(await updateClaimCode(ctx, 'h', (r) => ({ ...r, failures: r.failures + 1 }))).toBe(false);
    expect(replaced).toEqual([['claimCodes', 'h', 3, { caseId: 'c', failures: 1 }]]);
  });
});

describe('the pages supervision notices open', () => {
  test('each is a page of the Mini Program, with the id or month it needs', () => {
    const app = JSON.parse(readFileSync('miniprogram/app.json', 'utf8')) as { pages: string[]; subpackages: { root: string; pages: string[] }[] };
    const registered = new Set([...app.pages, ...app.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))].map((p) => `/${p}`));
    const links = [SUPERVISE_PAGES.draw('2026-11'), SUPERVISE_PAGES.finding('f-1'), SUPERVISE_PAGES.case('c-1'), SUPERVISE_PAGES.observe('c-2'), SUPERVISE_PAGES.credit];
    expect(links.filter((l) => !registered.has(l.split('?')[0]!))).toEqual([]);
    expect(links.map((l) => l.split('?')[1] ?? '')).toEqual(['month=2026-11', 'id=f-1', 'id=c-1', 'id=c-2', '']);
  });
});

describe('the system context of a timer', () => {
  test('acts as the system, with no role and no user action, at the deployment clock’s time', () => {
    const now = new Date('2026-12-01T18:00:00.000Z');
    const ctx = systemContext({ clock: { now: () => now } } as unknown as Deps);
    expect(ctx.caller).toEqual({ openid: 'system', name: '系统定时任务', roles: new Set() });
    expect(SYSTEM_ACTOR).toEqual({ openid: 'system', name: '系统定时任务' });
    expect(ctx.now).toBe(now);
    expect(ctx.callableActions()).toEqual([]);
  });
});

describe('a section head’s view', () => {
  const ctxOf = (roles: string[], sectionCode?: string) => ({ caller: { openid: 'u', name: 'u', roles: new Set(roles), ...(sectionCode ? { sectionCode } : {}) } }) as unknown as ActionContext;

  test('a head sees their own section, named or not, and no other', () => {
    expect(sectionOf(ctxOf(['staff', 'sectionHead'], 'S1'), undefined)).toBe('S1');
    expect(sectionOf(ctxOf(['staff', 'sectionHead'], 'S1'), 'S1')).toBe('S1');
    expect(() => sectionOf(ctxOf(['staff', 'sectionHead'], 'S1'), 'S2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: '只能查看本科室的办件' }));
    expect(() => sectionOf(ctxOf(['sectionHead']), undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: '您尚未分配到审批科室' }));
    // A staff member's own section does not make them its head.
    expect(() => sectionOf(ctxOf(['staff'], 'S1'), 'S1')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => sectionOf(ctxOf(['staff'], 'S1'), undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: '您尚未分配到审批科室' }));
  });

  test('an admin sees the section named, and is asked to name one', () => {
    expect(sectionOf(ctxOf(['admin']), 'S2')).toBe('S2');
    expect(sectionOf(ctxOf(['admin', 'sectionHead'], 'S1'), 'S2')).toBe('S2');
    expect(sectionOf(ctxOf(['admin', 'sectionHead'], 'S1'), undefined)).toBe('S1');
    expect(() => sectionOf(ctxOf(['admin']), undefined)).toThrow(expect.objectContaining({ code: 'VALIDATION', message: '请指明要查看哪个科室' }));
  });

  const base = {
    number: 'TK-2026-0001', matterName: '食品经营许可', company: { name: '青禾餐饮有限公司' }, submittedAt: '2026-11-02T02:00:00.000Z',
  };
  const caseOf = (patch: Partial<CaseRecord>) => ({ _id: 'c1', _version: 4, ...base, ...patch }) as unknown as CaseRecord & { _id: string; _version: number };

  test('a rectification is overdue from the instant its deadline passes, until re-inspection is asked for', () => {
    const c = caseOf({ state: 'rectifying', rectification: { deadline: '2026-12-04T16:00:00.000Z' } as CaseRecord['rectification'] });
    expect(overdueReason(c, new Date('2026-12-04T16:00:00.000Z'))).toBeUndefined();
    expect(overdueReason(c, new Date('2026-12-04T16:00:00.001Z'))).toBe('整改期限12月5日已过，待作出决定');
    const asked = caseOf({ state: 'rectifying', rectification: { deadline: '2026-12-04T16:00:00.000Z', reinspectionRequestedAt: '2026-12-04T10:00:00.000Z' } as CaseRecord['rectification'] });
    expect(overdueReason(asked, new Date('2026-12-06T00:00:00.000Z'))).toBeUndefined();
    // Only a case still rectifying: a decided one with its old order is not overdue.
    expect(overdueReason(caseOf({ state: 'passed', rectification: c.rectification }), new Date('2026-12-06T00:00:00.000Z'))).toBeUndefined();
  });

  test('a booked inspection is overdue an hour after its start, while not started', () => {
    const c = caseOf({ state: 'scheduled', scheduledAt: '2026-12-04T01:30:00.000Z' });
    expect(overdueReason(c, new Date('2026-12-04T02:30:00.000Z'))).toBeUndefined();
    expect(overdueReason(c, new Date('2026-12-04T02:30:00.001Z'))).toBe('预约的踏勘时间12月4日 09:30已过，尚未开始');
    expect(overdueReason(caseOf({ state: 'inspecting', scheduledAt: c.scheduledAt }), new Date('2026-12-05T00:00:00.000Z'))).toBeUndefined();
    expect(overdueReason(caseOf({ state: 'scheduled' }), new Date('2026-12-05T00:00:00.000Z'))).toBeUndefined();
  });

  test('a row names the handler only when there is one, and says why it is overdue', () => {
    const now = new Date('2026-12-05T00:00:00.000Z');
    expect(toSectionCaseRow(caseOf({ state: 'submitted' }), now)).toEqual({
      id: 'c1', version: 4, number: 'TK-2026-0001', matterName: '食品经营许可', companyName: '青禾餐饮有限公司',
      state: 'submitted', stateLabel: '待受理', submittedAt: '2026-11-02T02:00:00.000Z',
    });
    expect(toSectionCaseRow(caseOf({ state: 'scheduled', scheduledAt: '2026-12-04T01:30:00.000Z', handlerId: 'staff-1' }), now)).toMatchObject({
      handlerId: 'staff-1', handlerName: '', overdue: '预约的踏勘时间12月4日 09:30已过，尚未开始',
    });
    expect(toSectionCaseRow(caseOf({ state: 'accepted', handlerId: 'staff-1', handlerName: '李四' }), now)).toMatchObject({ handlerId: 'staff-1', handlerName: '李四' });
  });
});

test('an invite is stored under the SHA-256 of its token in hex, so the token itself is never kept', () => {
  expect(inviteId('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
