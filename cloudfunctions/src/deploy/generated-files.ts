import { configJsonOf, FUNCTIONS } from './functions';
import { DATABASE_RULE, STORAGE_RULE } from './platform-rules';
import { PILOT_MATTERS } from '../catalogue/pilot-matters';

/**
 * Files written by `npm run build` from the code, for the people and tools that read files: the rules to paste into
 * the console's 自定义安全规则 box (exactly what it takes, nothing around them) and each function's config.json
 * for WeChat DevTools. A test checks the committed copies equal these.
 */
export function generatedFiles(): Record<string, string> {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'deploy/database-rule.json': json(DATABASE_RULE),
    'deploy/storage-rule.json': json(STORAGE_RULE),
    ...Object.fromEntries(FUNCTIONS.map((f) => [`cloudfunctions/${f.name}/config.json`, json(configJsonOf(f))])),
  };
}

/**
 * Data a function folder carries beside its bundle, read when an action needs it (not committed: built from the
 * code like the bundle): the pilot matters installPilotMatters installs, as the module's exports.
 */
export function functionAssets(): Record<string, string> {
  return { 'cloudfunctions/api/assets/pilot-matters.json': JSON.stringify({ PILOT_MATTERS }) };
}
