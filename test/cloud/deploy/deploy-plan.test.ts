import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../../cloudfunctions/src/collections';
import type { Change, CloudAdmin, FunctionState, IndexState } from '../../../cloudfunctions/src/deploy/cloud-admin';
import { FUNCTIONS } from '../../../cloudfunctions/src/deploy/functions';
import { clientSettingWarnings } from '../../../cloudfunctions/src/deploy/deploy-cli';
import { generatedFiles } from '../../../cloudfunctions/src/deploy/generated-files';
import {
  CODE_FINGERPRINT_VAR, describeChange, desiredState, EMPTY_ENVIRONMENT, FUNCTION_ENV_KEYS, planDeployment,
} from '../../../cloudfunctions/src/deploy/plan';
import {
  CLIENT_UPLOAD_PATH, DATABASE_RULE, STORAGE_RULE, type SecurityRule, storageWriteAllowed,
} from '../../../cloudfunctions/src/deploy/platform-rules';

// The deploy plan against the code's own lists: every collection and index of collections.ts, the rules of
// platform-rules.ts, every function of functions.ts; applied to an environment held in memory (the CloudAdmin port),
// a second plan is empty.

const ROOT = join(__dirname, '../../..');
const fingerprints = (suffix = 'v1'): Record<string, string> => Object.fromEntries(FUNCTIONS.map((f) => [f.name, `${f.name}-${suffix}`.padEnd(64, '0')]));

/** An environment in memory that applies changes the way CloudBase would. */
class EnvironmentInMemory implements CloudAdmin {
  readonly tables = new Map<string, Map<string, IndexState>>();
  readonly rules = new Map<string, SecurityRule>();
  storage: SecurityRule | null = null;
  readonly functions = new Map<string, FunctionState & { codeUploads: number }>();
  readonly applied: Change[] = [];

  async collections() { return [...this.tables.keys()]; }
  async indexes(collection: string) { return [...(this.tables.get(collection)?.values() ?? [])]; }
  async databaseRule(collection: string) { return this.rules.get(collection) ?? null; }
  async storageRule() { return this.storage; }
  async functionState(name: string) {
    const fn = this.functions.get(name);
    return fn ? { timeoutSeconds: fn.timeoutSeconds, memoryMB: fn.memoryMB, triggers: fn.triggers.map((t) => ({ ...t })), env: { ...fn.env } } : null;
  }

  async apply(change: Change): Promise<void> {
    this.applied.push(change);
    const table = (name: string) => {
      const t = this.tables.get(name);
      if (!t) throw new Error(`no collection ${name}`);
      return t;
    };
    const fn = (name: string) => {
      const f = this.functions.get(name);
      if (!f) throw new Error(`no function ${name}`);
      return f;
    };
    switch (change.kind) {
      case 'createCollection':
        if (this.tables.has(change.collection)) throw new Error('exists');
        this.tables.set(change.collection, new Map());
        return;
      case 'createIndex':
        if (table(change.collection).has(change.index.name)) throw new Error('index exists');
        table(change.collection).set(change.index.name, change.index);
        return;
      case 'replaceIndex':
        table(change.collection).set(change.index.name, change.index);
        return;
      case 'setDatabaseRule':
        table(change.collection);
        this.rules.set(change.collection, change.rule);
        return;
      case 'setStorageRule':
        this.storage = change.rule;
        return;
      case 'createFunction':
        this.functions.set(change.name, { ...change.settings, triggers: change.settings.triggers.map((t) => ({ ...t })), env: { ...change.settings.env }, codeUploads: 1 });
        return;
      case 'updateFunctionCode':
        fn(change.name).codeUploads += 1;
        return;
      case 'updateFunctionConfig':
        Object.assign(fn(change.name), { timeoutSeconds: change.timeoutSeconds, memoryMB: change.memoryMB, env: { ...change.env } });
        return;
      case 'deleteTrigger':
        fn(change.name).triggers = fn(change.name).triggers.filter((t) => t.name !== change.trigger);
        return;
      case 'createTrigger':
        fn(change.name).triggers.push({ ...change.trigger });
        return;
    }
  }
}

async function deploy(env: EnvironmentInMemory, desired = desiredState(fingerprints(), {})): Promise<Change[]> {
  const changes = await planDeployment(env, desired);
  for (const change of changes) await env.apply(change);
  return changes;
}

test('a fresh environment gets every collection, index and rule of the code, and every function with its settings', async () => {
  const env = new EnvironmentInMemory();
  await deploy(env);
  expect([...env.tables.keys()].sort()).toEqual(Object.keys(COLLECTIONS).sort());
  for (const [name, indexes] of Object.entries(COLLECTIONS)) {
    expect(await env.indexes(name)).toEqual(indexes.map((i) => ({ name: i.name, keys: i.keys.map(([field, direction]) => ({ field, direction })) })));
    expect(env.rules.get(name)).toEqual({ read: false, write: false });
  }
  expect(Object.values(COLLECTIONS).flat()).toHaveLength(env.applied.filter((c) => c.kind === 'createIndex').length);
  expect(env.storage).toEqual(STORAGE_RULE);
  for (const spec of FUNCTIONS) {
    const fn = env.functions.get(spec.name)!;
    expect(fn).toMatchObject({ timeoutSeconds: spec.timeoutSeconds, memoryMB: spec.memoryMB, triggers: spec.triggers, codeUploads: 1 });
    expect(fn.timeoutSeconds).toBeLessThanOrEqual(60);
  }
});

test('a second run changes nothing', async () => {
  const env = new EnvironmentInMemory();
  const first = await deploy(env);
  expect(first.length).toBeGreaterThan(Object.keys(COLLECTIONS).length);
  expect(await planDeployment(env, desiredState(fingerprints(), {}))).toEqual([]);
});

test('only what drifted is changed: an index, a rule, a timeout, a trigger, the code', async () => {
  const env = new EnvironmentInMemory();
  await deploy(env);
  env.tables.get('cases')!.set('by_applicant', { name: 'by_applicant', keys: [{ field: 'applicantId', direction: 'asc' }] });
  env.tables.get('audit')!.delete('by_case');
  env.rules.set('users', { read: true, write: false });
  env.storage = { read: false, write: 'resource.path.startsWith(auth.openid)' };
  env.functions.get('api')!.timeoutSeconds = 3;
  env.functions.get('monthly-draw')!.triggers = [{ name: 'monthly', type: 'timer', config: '0 0 3 1 * * *' }, { name: 'old', type: 'timer', config: '0 0 * * * * *' }];

  const changes = await deploy(env, desiredState({ ...fingerprints(), reminders: 'reminders-v2'.padEnd(64, '0') }, {}));
  expect(changes.map(describeChange)).toEqual([
    'set database rule of users to {"read":false,"write":false}',
    'replace index cases.by_applicant with (applicantId asc, submittedAt desc)',
    'create index audit.by_case (caseId asc, at asc)',
    `set storage rule to ${JSON.stringify(STORAGE_RULE)}`,
    'set function api to timeout 60 s, memory 256 MB; env (unchanged)',
    'delete trigger monthly of function monthly-draw',
    'delete trigger old of function monthly-draw',
    'create trigger monthly "0 0 2 1 * * *" of function monthly-draw',
    'upload new code of function reminders',
    `set function reminders to timeout 60 s, memory 256 MB; env ${CODE_FINGERPRINT_VAR}=reminders-v2…`,
  ]);
  expect(env.functions.get('reminders')!.codeUploads).toBe(2);
  expect(await planDeployment(env, desiredState({ ...fingerprints(), reminders: 'reminders-v2'.padEnd(64, '0') }, {}))).toEqual([]);
});

test("the deployer's settings reach every function; unset ones leave the cloud's values alone; secrets are never printed", async () => {
  const env = new EnvironmentInMemory();
  await deploy(env, desiredState(fingerprints(), { FIRST_ADMIN_OPENIDS: 'o-admin', TENCENT_MEETING_SECRET_KEY: 's3cret', UNRELATED: 'x' }));
  for (const spec of FUNCTIONS) {
    expect(env.functions.get(spec.name)!.env).toMatchObject({ FIRST_ADMIN_OPENIDS: 'o-admin', TENCENT_MEETING_SECRET_KEY: 's3cret' });
    expect(env.functions.get(spec.name)!.env).not.toHaveProperty('UNRELATED');
  }
  env.functions.get('api')!.env.OFFICE_NAME = '控制台里改的名称';
  const changes = await deploy(env, desiredState(fingerprints(), { FIRST_ADMIN_OPENIDS: 'o-admin,o-second', TENCENT_MEETING_SECRET_KEY: 'n3w' }));
  expect(env.functions.get('api')!.env.OFFICE_NAME).toBe('控制台里改的名称');
  const printed = changes.map(describeChange).join('\n');
  expect(printed).toContain('FIRST_ADMIN_OPENIDS=o-admin,o-second');
  expect(printed).toContain('TENCENT_MEETING_SECRET_KEY=(secret)');
  expect(printed).not.toMatch(/s3cret|n3w/);
});

test('the dry run without credentials plans against an empty environment', async () => {
  const changes = await planDeployment(EMPTY_ENVIRONMENT, desiredState(fingerprints(), {}));
  expect(changes.filter((c) => c.kind === 'createCollection')).toHaveLength(Object.keys(COLLECTIONS).length);
  expect(changes.filter((c) => c.kind === 'createFunction').map((c) => (c as { name: string }).name)).toEqual(FUNCTIONS.map((f) => f.name));
});

test('a function without built code stops the plan before anything is asked of the cloud', () => {
  const { api: _api, ...rest } = fingerprints();
  expect(() => desiredState(rest, {})).toThrow(/npm run build/);
});

test('the rule files and config.json files in the repository are the ones the code generates', () => {
  for (const [path, text] of Object.entries(generatedFiles())) expect(readFileSync(join(ROOT, path), 'utf8')).toBe(text);
  expect(JSON.parse(readFileSync(join(ROOT, 'deploy/database-rule.json'), 'utf8'))).toEqual(DATABASE_RULE);
});

test('the rules are in the form the console takes: a bare {read, write} object, no wrapper, no string methods or +', () => {
  for (const rule of [DATABASE_RULE, STORAGE_RULE]) {
    expect(Object.keys(rule).sort()).toEqual(['read', 'write']);
    for (const value of Object.values(rule)) {
      if (typeof value !== 'string') continue;
      // Outside regex literals (where + is a quantifier).
      expect(value.replace(/\/\^[^ ]*\//g, '/re/')).not.toMatch(/startsWith|endsWith|includes|\+/);
      // A regex literal's test() must be compared with true, as the docs require.
      for (const use of value.match(/\/\S+\/\.test\([^)]*\)[^&|]*/g) ?? []) expect(use).toMatch(/== true\s*$/);
    }
  }
  expect(STORAGE_RULE.read).toBe(false);
  expect(STORAGE_RULE.write).toMatch(/^resource\.openid == auth\.openid && /);
});

test('deploy passes on every setting config.ts reads', () => {
  const source = readFileSync(join(ROOT, 'cloudfunctions/src/config.ts'), 'utf8');
  const read = new Set([...source.matchAll(/env\.([A-Z_]+)|\(env, '([A-Z_]+)'/g)].map((m) => m[1] ?? m[2]));
  read.delete('RVI_LOCAL');
  expect(read.size).toBeGreaterThan(10);
  expect([...FUNCTION_ENV_KEYS].sort()).toEqual([...read].sort());
});

test('deploy points out what the Mini Program files must still say: the AppID and the environment id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-client-'));
  mkdirSync(join(dir, 'miniprogram/config'), { recursive: true });
  const write = (appid: string, cloudEnv: string): void => {
    writeFileSync(join(dir, 'project.config.json'), JSON.stringify({ appid }));
    writeFileSync(join(dir, 'miniprogram/config/config.ts'), `export const config = {\n  mode: 'local',\n  cloudEnv: '${cloudEnv}',\n};\n`);
  };
  write('touristappid', 'remote-inspection-prod');
  expect(clientSettingWarnings(dir, 'env-9')).toEqual([expect.stringContaining('touristappid'), expect.stringContaining('不是 env-9')]);
  write('wx0123456789abcdef', 'env-9');
  expect(clientSettingWarnings(dir, 'env-9')).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

test('storageWriteAllowed evaluates the storage rule as the platform does, for the local Files adapter to enforce', () => {
  const write = (callerOpenid: string | null, ownerOpenid: string | null, path: string) => storageWriteAllowed({ callerOpenid, ownerOpenid, path });
  expect(write('o-1', null, 'uploads/o-1/a.jpg')).toBe(true);
  expect(write('o-1', 'o-1', 'uploads/o-1/a.jpg')).toBe(true);
  // Someone else's file, no identity, or outside uploads/: refused.
  expect(write('o-1', 'o-2', 'uploads/o-2/a.jpg')).toBe(false);
  expect(write(null, null, 'uploads/o-1/a.jpg')).toBe(false);
  expect(write('o-1', null, 'cases/c-1/accepted.pdf')).toBe(false);
  expect(write('o-1', null, 'uploads/a.jpg')).toBe(false);
  // The rule text carries the same regex.
  expect(STORAGE_RULE.write).toContain(String(CLIENT_UPLOAD_PATH));
});
