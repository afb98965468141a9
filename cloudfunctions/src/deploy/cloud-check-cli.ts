import CloudBase from '@cloudbase/manager-node';
import tcb from '@cloudbase/node-sdk';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_COLLECTION, type CheckedCloud, type Finding, runPlatformChecks } from './cloud-checks';

// `npm run cloud-check`: run once against a real environment after `npm run deploy`. It settles the platform facts
// the code must not bet on, with the deployer's API key (server-side calls, as the functions make them), prints a
// report, and lists the checks that need a person with the Mini Program (a user's identity cannot be borrowed by a
// server-side key). Exits 1 when a check fails.

const MARK: Record<Finding['verdict'], string> = { ok: '通过', attention: '注意', fail: '失败' };

export async function main(_argv: string[], root: string, log: (line: string) => void): Promise<number> {
  const envFile = join(root, 'deploy/deploy.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const { CLOUDBASE_ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  if (!envId || !secretId || !secretKey) {
    log('缺少 CLOUDBASE_ENV_ID、TENCENTCLOUD_SECRETID 或 TENCENTCLOUD_SECRETKEY（写在 deploy/deploy.env 或环境变量里）。');
    return 2;
  }
  const manager = new CloudBase({ envId, secretId, secretKey });
  await manager.database.createCollectionIfNotExists(CHECK_COLLECTION);
  const app = tcb.init({ env: envId, secretId, secretKey }) as unknown as CheckedCloud;
  log(`环境 ${envId}：逐项核对平台行为（约 2 分钟，其中等待临时链接过期 75 秒）`);
  const findings = await runPlatformChecks(app, (ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  findings.push(await timerFinding(manager));
  await manager.database.deleteCollection(CHECK_COLLECTION);
  for (const f of findings) log(`[${MARK[f.verdict]}] ${f.check}: ${f.seen}`);
  log('');
  log('需要在小程序里由人完成的核对（服务端密钥无法代替用户身份）：');
  log('  1. 用体验版以申请人身份上传一份材料：成功即存储写规则放行了 uploads/<openid>/；失败先查存储安全规则。');
  log('  2. 打开办件里的 PDF：能打开即下载域名白名单已配置；报 "url not in domain list" 则把存储下载域名加入 downloadFile 合法域名。');
  log('  3. 在小程序的订阅提示里同意后，让一件办件进入下一步：收到订阅消息即云调用权限生效；收件箱显示 43101 表示未订阅，其他错误码见 README。');
  const failed = findings.filter((f) => f.verdict === 'fail').length;
  log(failed ? `${failed} 项失败：见 README“核对失败时怎么办”。` : '自动核对项全部完成。');
  return failed ? 1 : 0;
}

/** When the monthly draw's timer first fired, from the function's logs (the cron is meant as 02:00 China time). */
async function timerFinding(manager: InstanceType<typeof CloudBase>): Promise<Finding> {
  const check = 'timer time zone';
  try {
    const logs = await manager.functions.getFunctionLogs({ name: 'monthly-draw', limit: 100 });
    const starts = (logs.Data as { StartTime?: string }[]).map((l) => l.StartTime).filter((t): t is string => Boolean(t)).sort();
    if (!starts.length) return { check, verdict: 'attention', seen: 'monthly-draw has not fired yet: run cloud-check again after the 1st of the month (expect 02:00 China time; 10:00 means the cron is read in UTC)' };
    return { check, verdict: 'attention', seen: `monthly-draw first fired at ${starts[0]} (log time as the platform gives it): 02:00 China time means the cron is read in UTC+8, 10:00 means UTC` };
  } catch (error) {
    return { check, verdict: 'attention', seen: `the function logs could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
