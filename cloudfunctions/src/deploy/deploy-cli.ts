import CloudBase from '@cloudbase/manager-node';
import { existsSync } from 'node:fs';
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
  return 0;
}
