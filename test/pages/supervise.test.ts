import type { InspectionView, UpcomingInspection, UserView } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { groupView, meetingCard } from './support/forms-fixtures';
import { finding, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, SET_DATA_BUDGET_BYTES, loadPage, setDataSizes, settled } from './support/load-page';
import {
  creditFinding, drawPreview, drawView, followUp, listing, page, statisticsReport,
} from './support/supervision-fixtures';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function open(path: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  const p = loadPage(path);
  p.page.onLoad(query);
  await settled();
  return p;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

describe('dashboard', () => {
  test('the dashboard charts six months of statistics and shows the trial progress', async () => {
    fake.server.on('whoami', me(['supervisor'], '赵敏')).on('getStatistics', statisticsReport());
    const p = await open('package-supervise/pages/dashboard/dashboard');

    const [range] = fake.server.sent('getStatistics');
    expect(monthIndex(range.to) - monthIndex(range.from)).toBe(5);
    expect(p.text()).toContain('试点期 2026-01-01 至 2027-01-01');
    expect(p.text()).toContain('已过 47%');
    expect(p.page.data.trial.width).toBe(47);

    // Cases received, all matters, month by month: 20 and 40, the longer bar full width.
    expect(p.page.data.monthBars.map((b: { label: string; width: number }) => [b.label, b.width])).toEqual([['5月', 50], ['6月', 100]]);
    expect(p.text()).toContain('40 件（远程 8 件）');

    await p.tap('#metric-firstTimePassRate');
    expect(p.page.data.matterBars.map((b: { label: string; text: string; width: number }) => [b.label, b.text, b.width])).toEqual([
      ['二次供水单位卫生许可', '50%（办结 9 件）', 50],
      ['公共场所卫生许可', '—（办结 9 件）', 0],
    ]);
    expect(p.text()).toContain('一次通过率 · 按月（全部事项）');

    const figures = p.comp.querySelector('#figures')!.dom!.textContent;
    for (const label of ['受理申请数', '远程踏勘占比', '受理至办结用时', '限期整改率', '复勘次数', '爽约次数', '抽查覆盖率', '发现问题数', '满意度', '试点期已过']) {
      expect(figures).toContain(label);
    }
    expect(figures).toContain('12.5%（抽中 1 / 8 件）');
    expect(figures).toContain('4.5 分（6 条评价，满分 5 分）');
  });

  test('the statistics are exported as an .xlsx workbook, opened in WeChat and forwarded from a second tap', async () => {
    fake.server
      .on('whoami', me(['supervisor']))
      .on('getStatistics', statisticsReport())
      .on('exportStatistics', { fileId: 'cloud://env/exports/s.xlsx', fileName: '远程视频踏勘统计_2026-01_2026-06.xlsx', downloadUrl: 'https://files.example/s.xlsx', rows: 6 });
    const p = await open('package-supervise/pages/dashboard/dashboard');
    expect(p.text()).toContain('导出为Excel表格（.xlsx），可在微信中直接打开');

    await p.tap('#export');
    expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/s.xlsx' });
    expect(fake.calls('openDocument')[0]).toMatchObject({ filePath: 'wxfile://tmp/download', fileType: 'xlsx' });
    expect(fake.calls('shareFileMessage')).toHaveLength(0);
    expect(p.text()).toContain('已生成：远程视频踏勘统计_2026-01_2026-06.xlsx（6 行）');

    await p.tap('#share-export');
    expect(fake.calls('shareFileMessage')[0]).toMatchObject({ filePath: 'wxfile://tmp/download', fileName: '远程视频踏勘统计_2026-01_2026-06.xlsx' });
  });

  test('any month range up to two years is asked for, never a backwards one', async () => {
    fake.server.on('whoami', me(['supervisor'])).on('getStatistics', statisticsReport());
    const p = await open('package-supervise/pages/dashboard/dashboard');
    p.page.onRange({ currentTarget: { dataset: { end: 'from' } }, detail: { value: '2025-01' } });
    await settled();
    p.page.onRange({ currentTarget: { dataset: { end: 'to' } }, detail: { value: '2025-12' } });
    await settled();
    expect(fake.server.sent('getStatistics').slice(-1)[0]).toEqual({ from: '2025-01', to: '2025-12' });
    expect(p.text()).toContain('统计数据（2025年1月 至 2025年12月）');
    const asked = fake.server.sent('getStatistics').length;
    p.page.onRange({ currentTarget: { dataset: { end: 'from' } }, detail: { value: '2026-01' } });
    await settled();
    expect(p.comp.querySelector('#range-error')!.dom!.textContent).toBe('起始月份不能晚于结束月份');
    p.page.onRange({ currentTarget: { dataset: { end: 'from' } }, detail: { value: '2023-12' } });
    await settled();
    expect(p.comp.querySelector('#range-error')!.dom!.textContent).toBe('一次最多统计24个月');
    expect(fake.server.sent('getStatistics')).toHaveLength(asked);
  });

  test('the dashboard is closed to anyone but a supervisor', async () => {
    fake.server.on('whoami', me(['staff']));
    const p = await open('package-supervise/pages/dashboard/dashboard');
    expect(p.text()).toContain('监督工作台仅供政策法规科人员使用');
    expect(fake.server.sent('getStatistics')).toHaveLength(0);
  });
});

describe('draw', () => {
  test('running a missed draw asks for confirmation first and then shows the stored record', async () => {
    fake.server.refuse('getDraw', 'NOT_FOUND', '2026-05 尚无抽查记录').on('previewDraw', drawPreview()).on('runDraw', { created: true, draw: drawView() });
    const p = await open('package-supervise/pages/draw/draw', { month: '2026-05' });
    expect(p.text()).toContain('2026年5月 尚未抽查');
    expect(p.text()).toContain('不少于 3 件（比例不低于 10%）');

    fake.answer('showModal', { confirm: false, cancel: true });
    await p.tap('#run');
    expect(fake.calls('showModal')[0]!.content).toContain('将从 23 件办件中抽取不少于 3 件');
    expect(fake.server.sent('runDraw')).toHaveLength(0);

    fake.answer('showModal', { confirm: true, cancel: false });
    await p.tap('#run');
    expect(fake.server.sent('runDraw')).toEqual([{ month: '2026-05' }]);
    const record = p.text();
    expect(record).toContain('2026年5月 抽查记录');
    expect(record).toContain('人工补抽');
    expect(record).toContain('e'.repeat(64));
    expect(record).toContain('天津东丽第2供水有限公司');
    expect(record).toContain('待回访');
  });

  test('a month not over yet cannot be drawn and says why', async () => {
    fake.server.refuse('getDraw', 'NOT_FOUND', '无').refuse('previewDraw', 'INVALID_STATE', '2026-06 尚未结束（北京时间），下月 1 日起才能抽查');
    const p = await open('package-supervise/pages/draw/draw', { month: '2026-06' });
    expect(p.text()).toContain('2026-06 尚未结束（北京时间），下月 1 日起才能抽查');
    expect(p.exists('#run')).toBe(false);
  });

  test('verifying a tampered draw lists each problem with its code', async () => {
    fake.server.on('getDraw', drawView()).on('verifyDraw', {
      month: '2026-05', ok: false, drawHash: 'd'.repeat(64), checkedAt: '2026-06-20T02:00:00.000Z',
      problems: ['SELECTION_MISMATCH: 按记录复算的抽中办件与存档不一致', 'HASH_MISMATCH: 记录哈希与内容不符'],
      codes: ['SELECTION_MISMATCH', 'HASH_MISMATCH'],
    });
    const p = await open('package-supervise/pages/draw/draw', { month: '2026-05' });
    await p.tap('#verify');

    const text = p.comp.querySelector('#verification')!.dom!.textContent;
    expect(text).toContain('核验发现 2 个问题');
    expect(text).toContain('按记录复算的抽中办件与存档不一致');
    expect(text).toContain('代码 HASH_MISMATCH');
  });

  test('a large draw loads its drawn cases and its population a page at a time as the supervisor scrolls', async () => {
    const TOTAL = 100_000;
    const SELECTED = 10_000;
    const drawn = (i: number) => ({
      caseId: `case-${i}`, number: `DL-20260513-${String(i).padStart(5, '0')}`, matterName: '二次供水单位卫生许可',
      companyName: `天津东丽第${i}供水有限公司`, followUpId: `fu-${i}`, followUpStatus: 'open' as const,
    });
    const entry = (i: number) => ({ id: `case-${i}`, number: `DL-20260513-${String(i).padStart(5, '0')}`, matterCode: 'SECONDARY_WATER', decidedAt: '2026-05-13T03:00:00.000Z' });
    const pageOf = <T,>(total: number, make: (i: number) => T, offset = 0, limit = 50) => ({
      total, offset, limit, items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => make(offset + k)),
    });
    fake.server.on('getDraw', (req: { list?: string; offset?: number }) => drawView({
      populationSize: TOTAL, selectedCount: SELECTED,
      page: req.list === 'population' ? { list: 'population', ...pageOf(TOTAL, entry, req.offset) } : { list: 'selected', ...pageOf(SELECTED, drawn, req.offset) },
    }));
    const p = await open('package-supervise/pages/draw/draw', { month: '2026-05' });
    expect(p.page.data.selected).toHaveLength(50);
    expect(p.text()).toContain('抽中的办件（10000 件）');
    expect(p.text()).toContain('已显示 50 件，上滑加载更多');

    p.page.onReachBottom();
    await settled();
    expect(fake.server.sent('getDraw').slice(-1)[0]).toEqual({ month: '2026-05', list: 'selected', offset: 50 });
    expect(p.page.data.selected).toHaveLength(100);
    expect(p.page.data.selected[99].companyName).toBe('天津东丽第99供水有限公司');

    // The population is asked for only when opened, and then scrolling pages it instead.
    expect(fake.server.sent('getDraw').filter((r) => r.list === 'population')).toHaveLength(0);
    await p.tap('#toggle-population');
    expect(p.page.data.population).toHaveLength(50);
    expect(p.text()).toContain('共 100000 件；核验时按完整名单复算。');
    expect(p.text()).toContain('DL-20260513-00049 · 二次供水单位卫生许可');
    p.page.onReachBottom();
    await settled();
    expect(fake.server.sent('getDraw').slice(-1)[0]).toEqual({ month: '2026-05', list: 'population', offset: 50 });
    expect(p.page.data.population).toHaveLength(100);
    expect(p.page.data.selected).toHaveLength(100);
    // Each scroll sends only the new page's rows.
    const sizes = setDataSizes('package-supervise/pages/draw/draw');
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...sizes)).toBeLessThan(SET_DATA_BUDGET_BYTES / 2);
  });

  test('back from a follow-up the drawn cases show their new status; the population rows already shown stay', async () => {
    const population = { list: 'population' as const, total: 2, offset: 0, limit: 50, items: [
      { id: 'case-2', number: 'DL-20260513-0002', matterCode: 'SECONDARY_WATER', decidedAt: '2026-05-13T03:00:00.000Z' },
      { id: 'case-3', number: 'DL-20260513-0003', matterCode: 'SECONDARY_WATER', decidedAt: '2026-05-13T03:00:00.000Z' },
    ] };
    let status: 'open' | 'consistent' = 'open';
    fake.server.on('getDraw', (req: { list?: string }) => req.list === 'population' ? drawView({ page: population }) : drawView({
      page: { list: 'selected', total: 1, offset: 0, limit: 50, items: [{
        caseId: 'case-2', number: 'DL-20260513-0002', matterName: '二次供水单位卫生许可', companyName: '天津东丽第2供水有限公司', followUpId: 'fu-2', followUpStatus: status,
      }] },
    }));
    const p = await open('package-supervise/pages/draw/draw', { month: '2026-05' });
    await p.tap('#toggle-population');
    expect(p.page.data.population).toHaveLength(2);
    expect(p.text()).toContain('待回访');

    status = 'consistent';
    p.page.onShow();
    await settled();
    expect(p.text()).not.toContain('待回访');
    expect(p.page.data.population).toHaveLength(2);
    expect(fake.server.sent('getDraw').filter((r) => r.list === 'population')).toHaveLength(1);
  });

  test('verifying an intact draw says it matches', async () => {
    fake.server.on('getDraw', drawView()).on('verifyDraw', {
      month: '2026-05', ok: true, problems: [], codes: [], drawHash: 'd'.repeat(64), checkedAt: '2026-06-20T02:00:00.000Z',
    });
    const p = await open('package-supervise/pages/draw/draw', { month: '2026-05' });
    await p.tap('#verify');
    expect(p.comp.querySelector('#verification')!.dom!.textContent).toContain('核验通过');
  });
});

describe('follow-up', () => {
  const recorded = followUp({
    version: 2, status: 'finding', statusLabel: '发现问题',
    outcome: {
      result: 'finding', findingKind: 'falseAddress', findingKindLabel: '虚报地址', severity: 'serious', severityLabel: '严重',
      note: '该地址为住宅，无经营迹象', evidence: [], recordedAt: '2026-06-18T02:00:00.000Z', recordedByName: '赵敏', findingId: 'finding-1',
    },
  });

  test('recording a finding sends its kind, severity, note and evidence', async () => {
    fake.server
      .on('listFollowUps', page([followUp()]))
      .on('requestUpload', { cloudPath: 'uploads/demo-user/evidence/20260618/ab-照片1.jpg' })
      .on('recordFollowUpOutcome', recorded);
    const p = await open('package-supervise/pages/follow-up/follow-up', { id: 'fu-2', month: '2026-05' });
    expect(fake.server.sent('listFollowUps')).toEqual([{ offset: 0, limit: 100, month: '2026-05' }]);
    expect(p.text()).toContain('天津市东丽区津塘路100号');

    await p.tap('#result-finding');
    await p.tap('#choice >>> #kind-falseAddress');
    await p.tap('#submit');
    expect(p.text()).toContain('请选择严重程度');
    expect(fake.server.sent('recordFollowUpOutcome')).toHaveLength(0);

    await p.tap('#choice >>> #severity-serious');
    await p.type('#note', '该地址为住宅，无经营迹象');
    fake.answer('showActionSheet', { tapIndex: 1 });
    fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 2048 }] });
    await p.tap('#add-evidence');
    expect(fake.server.sent('requestUpload')[0]).toMatchObject({ purpose: 'evidence' });

    await p.tap('#submit');
    expect(fake.calls('showModal')[0]!.content).toContain('提交政策法规科作出信用惩戒决定');
    expect(fake.server.sent('recordFollowUpOutcome')).toEqual([{
      followUpId: 'fu-2', version: 1, note: '该地址为住宅，无经营迹象',
      evidenceFileIds: ['local://uploads/demo-user/evidence/20260618/ab-照片1.jpg'],
      result: 'finding', findingKind: 'falseAddress', severity: 'serious',
    }]);
    expect(p.text()).toContain('发现问题：虚报地址（严重）');

    await p.tap('#open-finding');
    expect(fake.calls('navigateTo').pop()!.url).toBe('/package-supervise/pages/finding/finding?id=finding-1');
  });

  test('a visit found as declared is recorded as consistent', async () => {
    fake.server.on('listFollowUps', page([followUp()])).on('recordFollowUpOutcome', followUp({ status: 'consistent', statusLabel: '与申报一致' }));
    const p = await open('package-supervise/pages/follow-up/follow-up', { id: 'fu-2', month: '2026-05' });
    await p.tap('#result-consistent');
    await p.type('#note', '现场与申报一致');
    await p.tap('#submit');
    expect(fake.server.sent('recordFollowUpOutcome')).toEqual([
      { followUpId: 'fu-2', version: 1, note: '现场与申报一致', evidenceFileIds: [], result: 'consistent' },
    ]);
  });

  test('a due date counted on the statutory holidays says so on the visit', async () => {
    fake.server.on('listFollowUps', page([followUp({ dueAt: '2027-01-26T15:59:59.999Z', dueProvisional: true })]));
    const p = await open('package-supervise/pages/follow-up/follow-up', { id: 'fu-2', month: '2026-05' });
    expect(p.text()).toContain('2027-01-26 前（该日期按法定假日暂算，国务院通知发布后可能调整）');
  });

  test('a follow-up that is no longer listed says so', async () => {
    fake.server.on('listFollowUps', page([]));
    const p = await open('package-supervise/pages/follow-up/follow-up', { id: 'gone', month: '2026-05' });
    expect(p.text()).toContain('未找到该回访任务');
  });
});

describe('credit penalty', () => {
  const decided = (decision: NonNullable<ReturnType<typeof creditFinding>['decision']>) => creditFinding({ status: 'decided', version: 2, decision });

  test('the penalty form refuses the blacklist for a minor finding and sends the decision without it', async () => {
    fake.server.on('listFindings', page([creditFinding()])).on('decideCreditPenalty', decided({
      decidedAt: '2026-06-20T02:00:00.000Z', decidedByName: '赵敏', reason: '经核实地址不符', licenceRevoked: false,
      correctionDeadline: '2026-07-10T15:59:59.000Z',
    }));
    const p = await open('package-supervise/pages/finding/finding', { id: 'finding-1' });
    expect(p.text()).toContain('虚报地址（轻微）');

    await p.tap('#measure-blacklist');
    expect(p.page.data.blacklist).toBe(false);
    expect(p.comp.querySelector('#blacklist-error')!.dom!.textContent).toContain('轻微问题不列入失信黑名单');

    await p.tap('#measure-correction');
    await p.type('#correction-days', '15');
    await p.type('#reason', '经核实地址不符');
    await p.tap('#submit');

    expect(fake.calls('showModal')[0]!.content).toContain('记入诚信档案、责令 15 个工作日内改正');
    expect(fake.server.sent('decideCreditPenalty')).toEqual([
      { findingId: 'finding-1', version: 1, reason: '经核实地址不符', correctionWorkingDays: 15 },
    ]);
    expect(p.comp.querySelector('#decision')!.dom!.textContent).toContain('责令限期改正，2026-07-10 23:59 前改正');
  });

  test('a serious finding may be blacklisted for a number of months, after confirmation', async () => {
    fake.server.on('listFindings', page([creditFinding({ severity: 'serious', severityLabel: '严重' })])).on('decideCreditPenalty', decided({
      decidedAt: '2026-06-20T02:00:00.000Z', decidedByName: '赵敏', reason: '虚报地址情节严重', licenceRevoked: true,
      blacklistUntil: '2027-06-20T02:00:00.000Z',
    }));
    const p = await open('package-supervise/pages/finding/finding', { id: 'finding-1' });
    await p.tap('#measure-revoke');
    await p.tap('#measure-blacklist');
    await p.type('#blacklist-months', '12');
    await p.type('#reason', '虚报地址情节严重');
    fake.answer('showModal', { confirm: false, cancel: true });
    await p.tap('#submit');
    expect(fake.server.sent('decideCreditPenalty')).toHaveLength(0);

    fake.answer('showModal', { confirm: true, cancel: false });
    await p.tap('#submit');
    expect(fake.calls('showModal')[1]!.content).toContain('撤销后办件显示为已撤销');
    expect(fake.server.sent('decideCreditPenalty')).toEqual([
      { findingId: 'finding-1', version: 1, reason: '虚报地址情节严重', revokeLicence: true, blacklistMonths: 12 },
    ]);
  });

  describe('an order-to-correct deadline the new holiday notice would move', () => {
    const issued = '2027-01-12T15:59:59.999Z';
    const wouldBe = '2027-01-13T15:59:59.999Z';
    const recounted = creditFinding({
      status: 'decided', version: 3,
      decision: { decidedAt: '2026-12-28T02:00:00.000Z', decidedByName: '陈静', reason: '虚报经营场所地址', licenceRevoked: false, correctionDeadline: issued, correctionDeadlineProvisional: true },
      pendingRecount: { issued, wouldBe, year: 2027 },
    });
    const settled = (correctionDeadline: string) => creditFinding({ ...recounted, version: 4, pendingRecount: undefined, decision: { ...recounted.decision!, correctionDeadline, correctionDeadlineProvisional: undefined } });

    test('the findings list marks it 期限待确认 until it is settled', async () => {
      fake.server.on('listFindings', page([recounted, creditFinding({ id: 'finding-2' })]));
      const p = await open('package-supervise/pages/findings/findings', {});
      await p.tap('#filter-all');
      const tags = p.comp.querySelectorAll('.tag').map((t) => t.dom!.textContent);
      expect(tags).toEqual(['期限待确认', '待处理']);
    });

    test('shows the card beside the decision; adopting, after confirmation, sends the choice and the card goes', async () => {
      fake.server.on('listFindings', page([recounted])).on('settleRecountedCorrection', settled(wouldBe));
      const p = await open('package-supervise/pages/finding/finding', { id: 'finding-1' });
      expect(p.comp.querySelector('#recount')!.dom!.textContent).toContain('新日历下责令改正期限将变为 2027-01-13');
      expect(p.text()).toContain('已决定的改正期限为 2027-01-12');

      fake.answer('showModal', { confirm: false, cancel: true });
      await p.tap('#adopt');
      expect(fake.server.sent('settleRecountedCorrection')).toHaveLength(0);

      fake.answer('showModal', { confirm: true, cancel: false });
      await p.tap('#adopt');
      expect(fake.calls('showModal')[1]).toMatchObject({ title: '采用新期限', content: expect.stringContaining('申请人将收到新的改正期限') });
      expect(fake.server.sent('settleRecountedCorrection')).toEqual([{ findingId: 'finding-1', version: 3, issued, adopt: true }]);
      expect(p.exists('#recount')).toBe(false);
      expect(p.comp.querySelector('#decision')!.dom!.textContent).toContain('2027-01-13 23:59 前改正');
      expect(p.text()).not.toContain('暂算');
    });

    test('keeping the issued date sends adopt false; a stale page is reloaded', async () => {
      fake.server.on('listFindings', page([recounted])).refuse('settleRecountedCorrection', 'CONFLICT', '该问题记录刚被他人处理，请刷新后重试');
      const p = await open('package-supervise/pages/finding/finding', { id: 'finding-1' });
      await p.tap('#keep');
      expect(fake.calls('showModal')[0]).toMatchObject({ title: '保持原期限', content: '责令改正期限保持 2027-01-12 不变。' });
      expect(fake.server.sent('settleRecountedCorrection')).toEqual([{ findingId: 'finding-1', version: 3, issued, adopt: false }]);
      expect(fake.calls('showModal')[1]).toMatchObject({ title: '未能确认期限', content: '该问题记录刚被他人处理，请刷新后重试' });
      expect(fake.server.sent('listFindings').length).toBeGreaterThan(1);
    });
  });

  test('a decision without a reason is not sent', async () => {
    fake.server.on('listFindings', page([creditFinding()]));
    const p = await open('package-supervise/pages/finding/finding', { id: 'finding-1' });
    await p.tap('#submit');
    expect(p.text()).toContain('请写明处理理由和依据');
    expect(fake.server.sent('decideCreditPenalty')).toHaveLength(0);
  });
});

describe('blacklist and observers', () => {
  test('credit repair lifts a listing with the reason, after confirmation', async () => {
    fake.server
      .on('listBlacklist', page([listing()]))
      .on('liftBlacklisting', listing({ version: 2, status: 'lifted', statusLabel: '已信用修复', liftedAt: '2026-07-01T02:00:00.000Z', liftReason: '已按期改正' }));
    const p = await open('package-supervise/pages/blacklist/blacklist');
    expect(fake.server.sent('listBlacklist')).toEqual([{ offset: 0, limit: 10, activeOnly: true }]);
    expect(p.text()).toContain('生效中');

    await p.tap('#open-lift-finding-1-company');
    await p.tap('#lift');
    expect(p.text()).toContain('请写明信用修复的理由');
    await p.type('#lift-reason', '已按期改正');
    await p.tap('#lift');

    expect(fake.server.sent('liftBlacklisting')).toEqual([{ entryId: 'finding-1-company', version: 1, reason: '已按期改正' }]);
    expect(p.text()).toContain('已信用修复');
    expect(p.text()).toContain('2026-07-01 10:00 信用修复：已按期改正');
  });

  const upcoming = (overrides: Partial<UpcomingInspection> = {}): UpcomingInspection => ({
    id: 'case-9', number: 'DL-20260612-0009', matterName: '二次供水单位卫生许可', companyName: '天津东丽第9供水有限公司', state: 'scheduled',
    stateLabel: '已预约', mode: 'remote', applicantNameMasked: '张*', version: 6, scheduledAt: '2026-06-22T01:30:00.000Z', observers: [],
    ...overrides,
  });
  const supervisors: UserView[] = [
    { openid: 'demo-supervisor', name: '赵敏', roles: ['supervisor'] },
    { openid: 'supervisor2', name: '黄蕾', roles: ['supervisor'] },
  ];

  /** The upcoming list of one inspection, seen by supervisor 赵敏, who may assign an observer to it. */
  async function openUpcomingToAssign(): Promise<LoadedPage> {
    fake.server
      .on('whoami', { ...me(['supervisor'], '赵敏'), openid: 'demo-supervisor' })
      .on('listUpcomingInspections', page([upcoming()]))
      .on('listSupervisors', supervisors)
      .on('assignObserver', {});
    return open('package-supervise/pages/upcoming/upcoming');
  }

  test('a supervisor assigns themselves as observer of an upcoming inspection', async () => {
    const p = await openUpcomingToAssign();
    expect(p.text()).toContain('踏勘时间 2026-06-22 09:30');

    await p.tap('#open-assign-case-9');
    await p.tap('#assign-me');
    await p.tap('#assign');
    expect(fake.calls('showModal')[0]!.content).toContain('指派您本人为 天津东丽第9供水有限公司 踏勘的观察员');
    expect(fake.server.sent('assignObserver')).toEqual([{ caseId: 'case-9', version: 6, observerOpenid: 'demo-supervisor' }]);
  });

  test('the observer is picked by name from the supervisors the cloud lists', async () => {
    const p = await openUpcomingToAssign();

    await p.tap('#open-assign-case-9');
    expect(fake.server.sent('listSupervisors')).toEqual([{}]);
    await p.tap('#assign');
    expect(p.text()).toContain('请选择观察员');
    expect(fake.server.sent('assignObserver')).toHaveLength(0);

    p.comp.querySelector('#observer-picker')!.dispatchEvent('change', { detail: { value: '1' } });
    await settled();
    expect(p.comp.querySelector('#observer-chosen')!.dom!.textContent).toBe('黄蕾');
    await p.tap('#assign');
    expect(fake.calls('showModal')[0]!.content).toContain('指派黄蕾为 天津东丽第9供水有限公司 踏勘的观察员');
    expect(fake.server.sent('assignObserver')).toEqual([{ caseId: 'case-9', version: 6, observerOpenid: 'supervisor2' }]);
  });

  test('a case the supervisor observes opens on the observer page', async () => {
    fake.server
      .on('whoami', { ...me(['supervisor'], '黄蕾'), openid: 'supervisor2' })
      .on('listUpcomingInspections', page([upcoming({ observers: [{ openid: 'supervisor2', name: '黄蕾' }] }), upcoming({ id: 'case-10' })]));
    const p = await open('package-supervise/pages/upcoming/upcoming');
    expect(p.exists('#observe-case-10')).toBe(false);

    await p.tap('#observe-case-9');
    expect(fake.calls('navigateTo')[0]!.url).toBe('/package-supervise/pages/observe/observe?id=case-9');
  });
});

describe('observer page', () => {
  const remark = { round: 1, at: '2026-06-15T02:20:00.000Z', observerName: '黄蕾', text: '水箱间画面清晰' };
  const observing = (overrides: Partial<InspectionView> = {}) =>
    inspectionView({ observerRemarks: [], can: ['addObserverRemark'], ...overrides }, { W1: finding('conforming') });

  test('the observer sees the meeting code, the checklist progress and the remarks so far', async () => {
    fake.server
      .on('getGroup', groupView({ meeting: meetingCard() }, { id: 'case-7', state: 'inspecting', stateLabel: '踏勘中' }))
      .on('getInspection', observing({ observerRemarks: [remark] }));
    const p = await open('package-supervise/pages/observe/observe', { id: 'case-7' });

    expect(fake.server.sent('getGroup')).toEqual([{ caseId: 'case-7' }]);
    expect(p.comp.querySelector('#meeting >>> #code')!.dom!.textContent).toBe('123 456 789');
    expect(p.text()).toContain('第 1 轮 · 已核查 1 / 3 项');
    expect(p.page.data.rows.map((r: { title: string; resultLabel: string }) => [r.title, r.resultLabel])).toEqual([
      ['水箱间环境', '符合'], ['水箱加盖加锁', '待核查'], ['消毒记录', '待核查'],
    ]);
    expect(p.text()).toContain('水箱间画面清晰');
    expect(p.text()).toContain('黄蕾 · 2026-06-15 10:20');
  });

  test('a remark is added to the record after confirmation and then listed', async () => {
    fake.server
      .on('getGroup', groupView({ meeting: meetingCard() }, { id: 'case-7' }))
      .on('getInspection', observing())
      .on('addObserverRemark', observing({ observerRemarks: [remark] }));
    const p = await open('package-supervise/pages/observe/observe', { id: 'case-7' });
    expect(p.text()).toContain('暂无观察意见');

    await p.tap('#add-remark');
    expect(p.text()).toContain('请填写观察意见');
    expect(fake.server.sent('addObserverRemark')).toHaveLength(0);

    await p.type('#remark', ' 水箱间画面清晰 ');
    await p.tap('#add-remark');
    expect(fake.calls('showModal')[0]!.title).toBe('确认添加观察意见');
    expect(fake.server.sent('addObserverRemark')).toEqual([{ caseId: 'case-7', text: '水箱间画面清晰' }]);
    expect(p.text()).toContain('黄蕾 · 2026-06-15 10:20');
    expect(p.page.data.remark).toBe('');
  });

  test('before the inspection starts there is no remark form, and the meeting waits for its code', async () => {
    fake.server
      .on('getGroup', groupView({ meeting: meetingCard({ meetingCode: undefined, joinUrl: undefined, miniProgram: undefined }) }, { id: 'case-7' }))
      .on('getInspection', inspectionView({ state: 'scheduled', stateLabel: '已预约', round: 0, rounds: [], observerRemarks: [], can: [] }));
    const p = await open('package-supervise/pages/observe/observe', { id: 'case-7' });
    expect(p.text()).toContain('会议号待经办人发布');
    expect(p.text()).toContain('踏勘尚未开始');
    expect(p.exists('#add-remark')).toBe(false);
    expect(p.text()).toContain('踏勘开始后可添加观察意见');
  });

  test('a refused load shows the server message and a way back, not 重试', async () => {
    fake.server.on('getGroup', groupView({}, { id: 'case-7' })).refuse('getInspection', 'FORBIDDEN', '您无权查看该办件');
    const p = await open('package-supervise/pages/observe/observe', { id: 'case-7' });
    expect(p.text()).toContain('您无权查看该办件');
    expect(p.text()).not.toContain('重试');
  });
});
