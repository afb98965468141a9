import type { Deps } from '../api/context';
import { withSettings } from '../application/settings';
import { AppError } from '../api/errors';
import { runMonthlyDraw } from '../application/monthly-draw';
import { systemContext } from '../application/system-context';
import { composeFromEnv } from '../compose/from-env';
import { chinaMonthOf, previousMonth } from '../domain/china-time';
import { isOwnTimer } from './timer-trigger';

// The `monthly-draw` cloud function (R7). Its timer (config.json: `0 0 2 1 * * *`, read by WeChat in UTC+8) fires
// at 02:00 on the 1st; it draws the month before the current China month, whatever the function's own clock zone,
// so a trigger read in UTC (10:00 China time, still the 1st) would draw the same month. Only its own timer's event
// (timer-trigger.ts) runs it; anyone else calling the function is refused: supervisors use `runDraw`.

let composed: { deps: Deps; cloud?: typeof import('wx-server-sdk') } | undefined;

export interface DrawRunReport {
  ok: boolean;
  month?: string;
  created?: boolean;
  selected?: number;
  drawHash?: string;
  code?: string;
  message?: string;
}

export async function main(event: unknown = {}, context: { localOpenid?: string } = {}): Promise<DrawRunReport> {
  composed ??= composeFromEnv();
  const openid = composed.cloud ? composed.cloud.getWXContext().OPENID : context.localOpenid;
  if (!isOwnTimer('monthly-draw', event, openid)) return { ok: false, code: 'FORBIDDEN', message: '月度抽查由定时任务执行；补抽请使用“补抽”功能' };
  const ctx = systemContext(await withSettings(composed.deps));
  const month = previousMonth(chinaMonthOf(ctx.now));
  try {
    const { created, draw } = await runMonthlyDraw(ctx, month, 'timer');
    console.log(`monthly-draw: ${month} ${created ? 'drawn' : 'already drawn'}, ${draw.selectedIds.length} of ${draw.population.length}`);
    return { ok: true, month, created, selected: draw.selectedIds.length, drawHash: draw.drawHash };
  } catch (e) {
    // No case data in the log: the month and the error are enough to look further (and to run it again by hand).
    console.error('monthly-draw: failed', month, (e as Error)?.name, (e as Error)?.message);
    return e instanceof AppError ? { ok: false, month, code: e.code, message: e.message } : { ok: false, month, code: 'INTERNAL', message: '抽查失败，请稍后由政策法规科补抽' };
  }
}
