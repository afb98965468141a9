import type CloudBase from '@cloudbase/manager-node';
import type { Change, CloudAdmin, FunctionState, IndexState } from './cloud-admin';
import type { SecurityRule } from './platform-rules';

// The CloudAdmin port over @cloudbase/manager-node 5.6: each call translated, nothing decided here. Names as the
// SDK and the TCB API spell them: collections are "tables" (ListTables / DescribeTable / UpdateTable with
// CreateIndexes [{IndexName, MgoKeySchema: {MgoIndexKeys: [{Name, Direction: '1' | '-1'}], MgoIsUnique}}] and
// DropIndexes [{IndexName}]); a collection's custom rule is DescribeSafeRule / ModifySafeRule (AclTag 'CUSTOM', Rule
// as a JSON string); the storage rule is getStorageAcl / setStorageAcl('CUSTOM', rule); functions are SCF functions
// whose code is zipped from `functionRootPath/<name>` with installDependency, so wx-server-sdk is installed in the
// cloud and nothing is compiled on the deployer's machine.

type Manager = InstanceType<typeof CloudBase>;

const LIST_PAGE = 100;

/**
 * A timer trigger's cron as GetFunction reports it: SCF's TriggerDesc may be the cron itself or a JSON object
 * holding it (`{"cron":"0 0 2 1 * * *"}`); either reads as the cron, so an unchanged trigger is not re-created.
 */
function cronOf(triggerDesc: string): string {
  try {
    const parsed = JSON.parse(triggerDesc) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { cron?: unknown }).cron === 'string') return (parsed as { cron: string }).cron;
  } catch {
    // Not JSON: the cron itself.
  }
  return triggerDesc;
}

const directionOf = (d: string): 'asc' | 'desc' => (d === '-1' ? 'desc' : 'asc');
const mgoKeys = (index: IndexState) => ({
  IndexName: index.name,
  MgoKeySchema: { MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: k.direction === 'desc' ? '-1' : '1' })), MgoIsUnique: false },
});

export class ManagerAdmin implements CloudAdmin {
  constructor(
    private readonly manager: Manager,
    private readonly envId: string,
    /** The folder holding one built folder per function (cloudfunctions/). */
    private readonly functionRootPath: string,
  ) {}

  async collections(): Promise<string[]> {
    const names: string[] = [];
    for (let offset = 0; ; offset += LIST_PAGE) {
      const { Collections } = await this.manager.database.listCollections({ MgoLimit: LIST_PAGE, MgoOffset: offset });
      names.push(...Collections.map((c) => c.CollectionName));
      if (Collections.length === 0 || Collections.length < LIST_PAGE) return names;
    }
  }

  async indexes(collection: string): Promise<IndexState[]> {
    const { Indexes = [] } = await this.manager.database.describeCollection(collection);
    return Indexes.map((i) => ({ name: i.Name, keys: i.Keys.map((k) => ({ field: k.Name ?? '', direction: directionOf(k.Direction ?? '1') })) }));
  }

  async databaseRule(collection: string): Promise<SecurityRule | null> {
    const { AclTag, Rule } = (await this.manager.commonService().call({
      Action: 'DescribeSafeRule', Param: { EnvId: this.envId, CollectionName: collection },
    })) as { AclTag?: string; Rule?: string | null };
    return AclTag === 'CUSTOM' && Rule ? (JSON.parse(Rule) as SecurityRule) : null;
  }

  async storageRule(): Promise<SecurityRule | null> {
    const { acl, rule } = await this.manager.storage.getStorageAcl({ withRule: true });
    return acl === 'CUSTOM' && rule ? rule : null;
  }

  async functionState(name: string): Promise<FunctionState | null> {
    const exists = (await this.manager.functions.listAllFunctions({ envId: this.envId })).some((f) => f.FunctionName === name);
    if (!exists) return null;
    const detail = await this.manager.functions.getFunctionDetail(name);
    return {
      timeoutSeconds: detail.Timeout,
      memoryMB: detail.MemorySize,
      triggers: (detail.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, config: cronOf(t.TriggerDesc) })),
      env: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
    };
  }

  async apply(change: Change): Promise<void> {
    const { database, functions, storage } = this.manager;
    switch (change.kind) {
      case 'createCollection':
        await database.createCollection(change.collection);
        return;
      case 'createIndex':
        await database.updateCollection(change.collection, { CreateIndexes: [mgoKeys(change.index)] });
        return;
      case 'replaceIndex':
        await database.updateCollection(change.collection, { DropIndexes: [{ IndexName: change.index.name }], CreateIndexes: [mgoKeys(change.index)] });
        return;
      case 'setDatabaseRule':
        await this.manager.commonService().call({
          Action: 'ModifySafeRule',
          Param: { EnvId: this.envId, CollectionName: change.collection, AclTag: 'CUSTOM', Rule: JSON.stringify(change.rule) },
        });
        return;
      case 'setStorageRule':
        await storage.setStorageAcl('CUSTOM', change.rule);
        return;
      case 'createFunction':
        await functions.createFunction({
          func: {
            name: change.name, timeout: change.settings.timeoutSeconds, memorySize: change.settings.memoryMB,
            envVariables: change.settings.env, installDependency: true, triggers: change.settings.triggers,
          },
          functionRootPath: this.functionRootPath,
          force: false,
        });
        return;
      case 'updateFunctionCode':
        await functions.updateFunctionCode({ func: { name: change.name, installDependency: true }, functionRootPath: this.functionRootPath });
        await functions.waitFunctionActive(change.name);
        return;
      case 'updateFunctionConfig':
        await functions.updateFunctionConfig({ name: change.name, timeout: change.timeoutSeconds, memorySize: change.memoryMB, envVariables: change.env });
        await functions.waitFunctionActive(change.name);
        return;
      case 'deleteTrigger':
        await functions.deleteFunctionTrigger(change.name, change.trigger);
        return;
      case 'createTrigger':
        await functions.createFunctionTriggers(change.name, [change.trigger]);
        return;
    }
  }
}
