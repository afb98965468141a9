import { COLLECTIONS } from '../collections';
import type { Change, CloudAdmin, FunctionState, IndexState } from './cloud-admin';
import { FUNCTIONS } from './functions';
import { DATABASE_RULE, STORAGE_RULE, type SecurityRule } from './platform-rules';

// What an environment must hold, derived from the code (collections.ts, platform-rules.ts, functions.ts), and the
// changes that bring an environment there. Pure apart from reading the environment through the port, so a second
// run against the environment the first one made plans nothing.

/** The environment variable that holds a fingerprint of the function's code as deployed. */
export const CODE_FINGERPRINT_VAR = 'RVI_CODE_SHA256';

/**
 * Settings read from the deployer's environment and passed on to every function: each variable config.ts reads (a
 * test keeps the two lists equal), but RVI_LOCAL, which only the local runtime sets.
 */
export const FUNCTION_ENV_KEYS = [
  'FIRST_ADMIN_OPENIDS', 'OFFICE_NAME', 'DISTRICT_NAME', 'CASE_NUMBER_PREFIX', 'OFFICE_HOURS', 'INSPECTION_SLOT_MINUTES',
  'DAILY_INSPECTION_MAXIMUM', 'PREMISES_THRESHOLD_METERS', 'RECTIFICATION_WORKING_DAYS', 'EXTRA_HOLIDAYS', 'EXTRA_WORKDAYS',
  'DRAW_SHARE_BASIS_POINTS', 'FOLLOW_UP_WORKING_DAYS', 'TRIAL_START', 'TRIAL_MONTHS', 'SUBSCRIBE_TEMPLATES', 'MINIPROGRAM_STATE',
  'TENCENT_MEETING_SECRET_ID', 'TENCENT_MEETING_SECRET_KEY', 'TENCENT_MEETING_APP_ID', 'TENCENT_MEETING_SDK_ID',
  'TENCENT_MEETING_USER_ID', 'TENCENT_MEETING_BASE_URL', 'CLAIM_LINK_BASE',
] as const;

/** Shown as set or changed, never printed. */
const SECRET_ENV_KEYS = new Set<string>(['TENCENT_MEETING_SECRET_ID', 'TENCENT_MEETING_SECRET_KEY']);

export interface DesiredFunction {
  name: string;
  timeoutSeconds: number;
  memoryMB: number;
  triggers: { name: string; type: string; config: string }[];
  /** Variables to hold these values; variables not named here are left as they are. */
  env: Record<string, string>;
}

export interface DesiredState {
  collections: { name: string; indexes: IndexState[] }[];
  databaseRule: SecurityRule;
  storageRule: SecurityRule;
  functions: DesiredFunction[];
}

/**
 * The state the code asks for. `codeFingerprints` are the built folders' hashes (by function name); `settings` the
 * deployer's values for FUNCTION_ENV_KEYS (unset keys are not touched in the cloud).
 */
export function desiredState(codeFingerprints: Record<string, string>, settings: Partial<Record<string, string>>): DesiredState {
  const env: Record<string, string> = {};
  for (const key of FUNCTION_ENV_KEYS) if (settings[key] !== undefined && settings[key] !== '') env[key] = settings[key]!;
  return {
    collections: Object.entries(COLLECTIONS).map(([name, indexes]) => ({
      name, indexes: indexes.map((i) => ({ name: i.name, keys: i.keys.map(([field, direction]) => ({ field, direction })) })),
    })),
    databaseRule: DATABASE_RULE,
    storageRule: STORAGE_RULE,
    functions: FUNCTIONS.map((f) => {
      const fingerprint = codeFingerprints[f.name];
      if (!fingerprint) throw new Error(`no built code for ${f.name}: run npm run build first`);
      return {
        name: f.name, timeoutSeconds: f.timeoutSeconds, memoryMB: f.memoryMB,
        triggers: f.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
        env: { ...env, [CODE_FINGERPRINT_VAR]: fingerprint },
      };
    }),
  };
}

const sameRule = (a: SecurityRule | null, b: SecurityRule): boolean => a !== null && a.read === b.read && a.write === b.write;
const sameKeys = (a: IndexState, b: IndexState): boolean => JSON.stringify(a.keys) === JSON.stringify(b.keys);

/** An environment with nothing in it: what `--dry-run` without credentials plans against. */
export const EMPTY_ENVIRONMENT: CloudAdmin = {
  collections: async () => [],
  indexes: async () => [],
  databaseRule: async () => null,
  storageRule: async () => null,
  functionState: async () => null,
  apply: async () => {
    throw new Error('the empty environment takes no changes');
  },
};

/** The changes that bring the environment to the desired state, in the order they must be applied. */
export async function planDeployment(admin: CloudAdmin, desired: DesiredState): Promise<Change[]> {
  const changes: Change[] = [];
  const existing = new Set(await admin.collections());
  for (const { name, indexes } of desired.collections) {
    const exists = existing.has(name);
    if (!exists) changes.push({ kind: 'createCollection', collection: name });
    const current = exists ? new Map((await admin.indexes(name)).map((i) => [i.name, i])) : new Map<string, IndexState>();
    for (const index of indexes) {
      const there = current.get(index.name);
      if (!there) changes.push({ kind: 'createIndex', collection: name, index });
      else if (!sameKeys(there, index)) changes.push({ kind: 'replaceIndex', collection: name, index });
    }
    if (!exists || !sameRule(await admin.databaseRule(name), desired.databaseRule)) {
      changes.push({ kind: 'setDatabaseRule', collection: name, rule: desired.databaseRule });
    }
  }
  if (!sameRule(await admin.storageRule(), desired.storageRule)) changes.push({ kind: 'setStorageRule', rule: desired.storageRule });
  for (const fn of desired.functions) changes.push(...functionChanges(fn, await admin.functionState(fn.name)));
  return changes;
}

function functionChanges(fn: DesiredFunction, current: FunctionState | null): Change[] {
  if (!current) {
    return [{ kind: 'createFunction', name: fn.name, settings: { timeoutSeconds: fn.timeoutSeconds, memoryMB: fn.memoryMB, triggers: fn.triggers, env: fn.env } }];
  }
  const changes: Change[] = [];
  if (current.env[CODE_FINGERPRINT_VAR] !== fn.env[CODE_FINGERPRINT_VAR]) changes.push({ kind: 'updateFunctionCode', name: fn.name });
  const env = { ...current.env, ...fn.env };
  const changedKeys = Object.keys(fn.env).filter((key) => current.env[key] !== fn.env[key]);
  if (changedKeys.length || current.timeoutSeconds !== fn.timeoutSeconds || current.memoryMB !== fn.memoryMB) {
    changes.push({ kind: 'updateFunctionConfig', name: fn.name, timeoutSeconds: fn.timeoutSeconds, memoryMB: fn.memoryMB, env, changedKeys });
  }
  const wanted = new Map(fn.triggers.map((t) => [t.name, t]));
  for (const t of current.triggers) {
    const w = wanted.get(t.name);
    if (!w || w.type !== t.type || w.config !== t.config) changes.push({ kind: 'deleteTrigger', name: fn.name, trigger: t.name });
  }
  for (const t of fn.triggers) {
    const there = current.triggers.find((c) => c.name === t.name);
    if (!there || there.type !== t.type || there.config !== t.config) changes.push({ kind: 'createTrigger', name: fn.name, trigger: t });
  }
  return changes;
}

const envShown = (env: Record<string, string>, keys: string[] = Object.keys(env)): string =>
  keys
    .map((key) => (SECRET_ENV_KEYS.has(key) ? `${key}=(secret)` : key === CODE_FINGERPRINT_VAR ? `${key}=${env[key]!.slice(0, 12)}…` : `${key}=${env[key]}`))
    .join(', ');

/** One line per change, as `npm run deploy` prints it. */
export function describeChange(change: Change): string {
  const keys = (index: IndexState): string => index.keys.map((k) => `${k.field} ${k.direction}`).join(', ');
  switch (change.kind) {
    case 'createCollection': return `create collection ${change.collection}`;
    case 'createIndex': return `create index ${change.collection}.${change.index.name} (${keys(change.index)})`;
    case 'replaceIndex': return `replace index ${change.collection}.${change.index.name} with (${keys(change.index)})`;
    case 'setDatabaseRule': return `set database rule of ${change.collection} to ${JSON.stringify(change.rule)}`;
    case 'setStorageRule': return `set storage rule to ${JSON.stringify(change.rule)}`;
    case 'createFunction':
      return `create function ${change.name} (timeout ${change.settings.timeoutSeconds} s, memory ${change.settings.memoryMB} MB`
        + `${change.settings.triggers.map((t) => `, trigger ${t.name} "${t.config}"`).join('')}; env ${envShown(change.settings.env)})`;
    case 'updateFunctionCode': return `upload new code of function ${change.name}`;
    case 'updateFunctionConfig':
      return `set function ${change.name} to timeout ${change.timeoutSeconds} s, memory ${change.memoryMB} MB; env ${envShown(change.env, change.changedKeys) || '(unchanged)'}`;
    case 'deleteTrigger': return `delete trigger ${change.trigger} of function ${change.name}`;
    case 'createTrigger': return `create trigger ${change.trigger.name} "${change.trigger.config}" of function ${change.name}`;
  }
}
