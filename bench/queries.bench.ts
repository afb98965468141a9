import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_ACTIONS } from '../cloudfunctions/src/actions';
import { createApi } from '../cloudfunctions/src/api/router';
import { composeLocal } from '../cloudfunctions/src/compose/local';
import { configFromEnv } from '../cloudfunctions/src/config';
import type { CaseRecord } from '../cloudfunctions/src/domain/case';
import { percentile } from './stats';

// p50/p95 of the officer's queue and the applicant's list, through the api, with 100,000 cases in the local store.

export async function benchQueries(caseCount = 100_000, samples = 300): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rvi-bench-'));
  const deps = composeLocal({ dataDir, publicBaseUrl: 'http://127.0.0.1:0', config: configFromEnv({ RVI_LOCAL: '1' }) });
  const handlers = Array.from({ length: 50 }, (_, i) => `officer-${i}`);
  const applicants = Array.from({ length: 20_000 }, (_, i) => `applicant-${i}`);
  const states = ['accepted', 'signed', 'ready', 'scheduled', 'passed', 'archived'] as const;
  const base = Date.parse('2026-01-01T00:00:00Z');
  deps.store.bulk(() => {
    for (const h of handlers) deps.store.insert('users', h, { name: h, roles: ['staff'], sectionCode: 'SEC-SOCIAL', createdAt: '2026-01-01T00:00:00Z' });
    for (let i = 0; i < caseCount; i++) {
      const at = new Date(base + i * 60_000).toISOString();
      const c: CaseRecord = {
        number: `DL-BENCH-${i}`, matterCode: 'TJDL-LAB-001', matterName: '企业不定时和综合计算工时工作制许可', sectionCode: 'SEC-SOCIAL', sectorCode: 'REG-HRSS',
        mode: 'remote', channel: 'miniprogram', applicantId: applicants[i % applicants.length]!, applicantName: '张三', applicantPhone: '13812345678',
        company: { name: `公司${i}`, creditCode: '911201100000000000' }, premises: { address: '天津市东丽区', latitude: 39, longitude: 117 },
        materials: [], state: states[i % states.length]!, handlerId: handlers[i % handlers.length]!, handlerName: '王芳',
        submittedAt: at, acceptedAt: at, decidedAt: null,
      };
      void deps.store.insert('cases', `case-${i}`, c);
    }
  });
  const api = createApi(deps, ALL_ACTIONS);
  const time = async (fn: () => Promise<unknown>): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = process.hrtime.bigint();
      const r = (await fn()) as { ok: boolean };
      if (!r.ok) throw new Error('bench call failed');
      out.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return out;
  };
  let n = 0;
  const queue = await time(() => api({ action: 'listHandlerCases', payload: { state: 'ready', limit: 20 } }, handlers[n++ % handlers.length]));
  const mine = await time(() => api({ action: 'listMyCases', payload: { limit: 20 } }, applicants[n++ % applicants.length]));
  deps.store.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    cases: caseCount,
    officerQueueP50Ms: percentile(queue, 50), officerQueueP95Ms: percentile(queue, 95),
    applicantListP50Ms: percentile(mine, 50), applicantListP95Ms: percentile(mine, 95),
  };
}
