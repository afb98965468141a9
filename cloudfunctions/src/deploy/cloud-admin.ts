import type { SecurityRule } from './platform-rules';

// The port to CloudBase's management API: what `npm run deploy` reads of an environment and the changes it applies.
// The real adapter (manager-admin.ts) translates each call to @cloudbase/manager-node and nothing more.

export interface IndexState {
  name: string;
  keys: { field: string; direction: 'asc' | 'desc' }[];
}

export interface FunctionState {
  timeoutSeconds: number;
  memoryMB: number;
  triggers: { name: string; type: string; config: string }[];
  /** The function's environment variables (deploy keeps a fingerprint of the code among them). */
  env: Record<string, string>;
}

export type Change =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexState }
  /** An index of that name whose keys differ: dropped and created again in one call. */
  | { kind: 'replaceIndex'; collection: string; index: IndexState }
  | { kind: 'setDatabaseRule'; collection: string; rule: SecurityRule }
  | { kind: 'setStorageRule'; rule: SecurityRule }
  /** Code from cloudfunctions/<name>/, with its settings and triggers. */
  | { kind: 'createFunction'; name: string; settings: FunctionState }
  | { kind: 'updateFunctionCode'; name: string }
  /** `env` is the whole set of variables the function is to have; `changedKeys` those that differ from now. */
  | { kind: 'updateFunctionConfig'; name: string; timeoutSeconds: number; memoryMB: number; env: Record<string, string>; changedKeys: string[] }
  | { kind: 'deleteTrigger'; name: string; trigger: string }
  | { kind: 'createTrigger'; name: string; trigger: { name: string; type: string; config: string } };

export interface CloudAdmin {
  collections(): Promise<string[]>;
  indexes(collection: string): Promise<IndexState[]>;
  /** The collection's custom rule, or null when it has none (a simple permission instead). */
  databaseRule(collection: string): Promise<SecurityRule | null>;
  storageRule(): Promise<SecurityRule | null>;
  /** null when the function does not exist. */
  functionState(name: string): Promise<FunctionState | null>;
  apply(change: Change): Promise<void>;
}
