import CloudBase from '@cloudbase/manager-node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudAdmin } from './cloud-admin';
import { codeFingerprint } from './code-fingerprint';
import { FUNCTIONS } from './functions';
import { ManagerAdmin } from './manager-admin';
import { describeChange, desiredState, EMPTY_ENVIRONMENT, planDeployment } from './plan';

// `npm run deploy [-- --dry-run]`: brings a CloudBase environment to what the code asks for, printing each change.
// Credentials and settings come from the environment or from deploy/deploy.env (never committed):
//   CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, and the function settings of plan.ts.

export async function main(argv: string[], root: string, log: (line: string) => void): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const envFile = join(root, 'deploy/deploy.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const { CLOUDBASE_ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  const haveCredentials = Boolean(envId && secretId && secretKey);
  if (!haveCredentials && !dryRun) {
    log('缺少 CLOUDBASE_ENV_ID、TENCENTCLOUD_SECRETID 或 TENCENTCLOUD_SECRETKEY（写在 deploy/deploy.env 或环境变量里）。');
    return 2;
  }
  const fingerprints = Object.fromEntries(FUNCTIONS.map((f) => [f.name, codeFingerprint(join(root, 'cloudfunctions', f.name))]));
  const desired = desiredState(fingerprints, process.env);
  const admin: CloudAdmin = haveCredentials
    ? new ManagerAdmin(new CloudBase({ envId, secretId, secretKey }), envId!, join(root, 'cloudfunctions'))
    : EMPTY_ENVIRONMENT;
  log(haveCredentials ? `environment ${envId}` : 'no credentials: planned against an empty environment');
  const changes = await planDeployment(admin, desired);
  if (!changes.length) {
    log('nothing to change');
    for (const warning of clientSettingWarnings(root, envId)) log(`注意：${warning}`);
    return 0;
  }
  for (const change of changes) {
    if (dryRun) {
      log(`would ${describeChange(change)}`);
      continue;
    }
    await admin.apply(change);
    log(`done: ${describeChange(change)}`);
  }
  log(`${changes.length} change(s) ${dryRun ? 'planned (dry run, nothing changed)' : 'applied'}`);
  for (const warning of clientSettingWarnings(root, envId)) log(`注意：${warning}`);
  return 0;
}

/** What the Mini Program's own files must say for a build that talks to this environment (deploy cannot set them). */
export function clientSettingWarnings(root: string, envId: string | undefined): string[] {
  const warnings: string[] = [];
  const project = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as { appid?: string };
  if (!project.appid || project.appid === 'touristappid') warnings.push('project.config.json 的 appid 仍是 touristappid：填入本单位小程序的 AppID（小程序后台 → 开发管理 → 开发设置）。');
  const config = readFileSync(join(root, 'miniprogram/config/config.ts'), 'utf8');
  const cloudEnv = /cloudEnv:\s*'([^']*)'/.exec(config)?.[1];
  if (envId && cloudEnv !== envId) warnings.push(`miniprogram/config/config.ts 的 cloudEnv 是 ${cloudEnv ?? '（未找到）'}，不是 ${envId}：改成本环境 ID 后再上传小程序。`);
  return warnings;
}
