import type CloudBase from '@cloudbase/manager-node';
import { ManagerAdmin } from '../../../cloudfunctions/src/deploy/manager-admin';
import { STORAGE_RULE } from '../../../cloudfunctions/src/deploy/platform-rules';

// The real adapter only translates: each port call becomes the @cloudbase/manager-node call, with the field names and
// value spellings the SDK and the TCB API use (checked against the SDK's typings and source, 5.6.5).

function recordingManager(answers: Record<string, unknown> = {}) {
  const calls: [string, ...unknown[]][] = [];
  const method = (name: string) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    const answer = answers[name];
    return typeof answer === 'function' ? (answer as (...a: unknown[]) => unknown)(...args) : answer ?? {};
  };
  const manager = {
    database: {
      listCollections: method('listCollections'), describeCollection: method('describeCollection'),
      createCollection: method('createCollection'), updateCollection: method('updateCollection'),
    },
    storage: { getStorageAcl: method('getStorageAcl'), setStorageAcl: method('setStorageAcl') },
    functions: {
      listAllFunctions: method('listAllFunctions'), getFunctionDetail: method('getFunctionDetail'), createFunction: method('createFunction'),
      updateFunctionCode: method('updateFunctionCode'), updateFunctionConfig: method('updateFunctionConfig'), waitFunctionActive: method('waitFunctionActive'),
      deleteFunctionTrigger: method('deleteFunctionTrigger'), createFunctionTriggers: method('createFunctionTriggers'),
    },
    commonService: () => ({ call: method('commonService.call') }),
  };
  return { manager: manager as unknown as InstanceType<typeof CloudBase>, calls };
}

test('reads collections page by page, indexes with their directions, and the custom rules', async () => {
  const pages = [Array.from({ length: 100 }, (_, i) => ({ CollectionName: `c${i}` })), [{ CollectionName: 'last' }]];
  const { manager, calls } = recordingManager({
    listCollections: () => ({ Collections: pages.shift() ?? [] }),
    describeCollection: { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }, { Name: 'by_x', Keys: [{ Name: 'x', Direction: '1' }, { Name: 'y', Direction: '-1' }] }] },
    'commonService.call': { AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' },
    getStorageAcl: { acl: 'CUSTOM', rule: STORAGE_RULE },
  });
  const admin = new ManagerAdmin(manager, 'env-1', '/repo/cloudfunctions');
  expect(await admin.collections()).toHaveLength(101);
  expect(calls.filter(([n]) => n === 'listCollections').map(([, o]) => o)).toEqual([{ MgoLimit: 100, MgoOffset: 0 }, { MgoLimit: 100, MgoOffset: 100 }]);
  expect(await admin.indexes('cases')).toEqual([
    { name: '_id_', keys: [{ field: '_id', direction: 'asc' }] },
    { name: 'by_x', keys: [{ field: 'x', direction: 'asc' }, { field: 'y', direction: 'desc' }] },
  ]);
  expect(await admin.databaseRule('cases')).toEqual({ read: false, write: false });
  expect(calls).toContainEqual(['commonService.call', { Action: 'DescribeSafeRule', Param: { EnvId: 'env-1', CollectionName: 'cases' } }]);
  expect(await admin.storageRule()).toEqual(STORAGE_RULE);
  expect(calls).toContainEqual(['getStorageAcl', { withRule: true }]);
});

test('a simple permission in place of a custom rule reads as no rule', async () => {
  const { manager } = recordingManager({ 'commonService.call': { AclTag: 'ADMINONLY' }, getStorageAcl: { acl: 'PRIVATE' } });
  const admin = new ManagerAdmin(manager, 'env-1', '/repo/cloudfunctions');
  expect(await admin.databaseRule('cases')).toBeNull();
  expect(await admin.storageRule()).toBeNull();
});

test("reads a function's timeout, memory, triggers and variables, or null when it does not exist", async () => {
  const { manager } = recordingManager({
    listAllFunctions: [{ FunctionName: 'api' }],
    getFunctionDetail: { Timeout: 60, MemorySize: 512, Triggers: [{ TriggerName: 'monthly', Type: 'timer', TriggerDesc: '0 0 2 1 * * *' }], Environment: { Variables: [{ Key: 'A', Value: '1' }] } },
  });
  const admin = new ManagerAdmin(manager, 'env-1', '/repo/cloudfunctions');
  expect(await admin.functionState('api')).toEqual({ timeoutSeconds: 60, memoryMB: 512, triggers: [{ name: 'monthly', type: 'timer', config: '0 0 2 1 * * *' }], env: { A: '1' } });
  expect(await admin.functionState('reminders')).toBeNull();
});

test('a timer described as JSON holding its cron reads as that cron', async () => {
  const { manager } = recordingManager({
    listAllFunctions: [{ FunctionName: 'reminders' }],
    getFunctionDetail: { Timeout: 60, MemorySize: 256, Triggers: [{ TriggerName: 'every-five-minutes', Type: 'timer', TriggerDesc: '{"cron":"0 */5 * * * * *"}' }] },
  });
  const state = await new ManagerAdmin(manager, 'env-1', '/repo/cloudfunctions').functionState('reminders');
  expect(state?.triggers).toEqual([{ name: 'every-five-minutes', type: 'timer', config: '0 */5 * * * * *' }]);
  expect(state?.env).toEqual({});
});

test('applies each change as the SDK call that makes it', async () => {
  const { manager, calls } = recordingManager();
  const admin = new ManagerAdmin(manager, 'env-1', '/repo/cloudfunctions');
  const index = { name: 'by_x', keys: [{ field: 'x', direction: 'asc' as const }, { field: 'y', direction: 'desc' as const }] };
  const mgo = { IndexName: 'by_x', MgoKeySchema: { MgoIndexKeys: [{ Name: 'x', Direction: '1' }, { Name: 'y', Direction: '-1' }], MgoIsUnique: false } };
  await admin.apply({ kind: 'createCollection', collection: 'cases' });
  await admin.apply({ kind: 'createIndex', collection: 'cases', index });
  await admin.apply({ kind: 'replaceIndex', collection: 'cases', index });
  await admin.apply({ kind: 'setDatabaseRule', collection: 'cases', rule: { read: false, write: false } });
  await admin.apply({ kind: 'setStorageRule', rule: STORAGE_RULE });
  const trigger = { name: 'monthly', type: 'timer', config: '0 0 2 1 * * *' };
  await admin.apply({ kind: 'createFunction', name: 'monthly-draw', settings: { timeoutSeconds: 60, memoryMB: 256, triggers: [trigger], env: { A: '1' } } });
  await admin.apply({ kind: 'updateFunctionCode', name: 'api' });
  await admin.apply({ kind: 'updateFunctionConfig', name: 'api', timeoutSeconds: 60, memoryMB: 512, env: { A: '2' }, changedKeys: ['A'] });
  await admin.apply({ kind: 'deleteTrigger', name: 'monthly-draw', trigger: 'old' });
  await admin.apply({ kind: 'createTrigger', name: 'monthly-draw', trigger });
  expect(calls).toEqual([
    ['createCollection', 'cases'],
    ['updateCollection', 'cases', { CreateIndexes: [mgo] }],
    ['updateCollection', 'cases', { DropIndexes: [{ IndexName: 'by_x' }], CreateIndexes: [mgo] }],
    ['commonService.call', { Action: 'ModifySafeRule', Param: { EnvId: 'env-1', CollectionName: 'cases', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } }],
    ['setStorageAcl', 'CUSTOM', STORAGE_RULE],
    ['createFunction', {
      func: { name: 'monthly-draw', timeout: 60, memorySize: 256, envVariables: { A: '1' }, installDependency: true, triggers: [trigger] },
      functionRootPath: '/repo/cloudfunctions', force: false,
    }],
    ['updateFunctionCode', { func: { name: 'api', installDependency: true }, functionRootPath: '/repo/cloudfunctions' }],
    ['waitFunctionActive', 'api'],
    ['updateFunctionConfig', { name: 'api', timeout: 60, memorySize: 512, envVariables: { A: '2' } }],
    ['waitFunctionActive', 'api'],
    ['deleteFunctionTrigger', 'monthly-draw', 'old'],
    ['createFunctionTriggers', 'monthly-draw', [trigger]],
  ]);
});
