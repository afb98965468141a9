import type { Deps } from '../api/context';
import { configFromEnv } from '../config';

type WxCloud = typeof import('wx-server-sdk');

/**
 * The adapters of a deployed function, chosen by its environment: in CloudBase the SDK's, in the local runtime
 * (RVI_LOCAL=1) the SQLite file and folder. wx-server-sdk and better-sqlite3 are required only on the path that
 * uses them, so each side loads what it needs. `cloud` is the initialised SDK in CloudBase, to read the caller.
 */
export function composeFromEnv(): { deps: Deps; cloud?: WxCloud } {
  const config = configFromEnv(process.env);
  if (config.localMode) {
    const { composeLocal } = require('./local') as typeof import('./local');
    const dataDir = process.env.RVI_DATA_DIR ?? '.data';
    return { deps: composeLocal({ dataDir, publicBaseUrl: process.env.RVI_PUBLIC_URL ?? 'http://127.0.0.1:3000', config }) };
  }
  const cloud = require('wx-server-sdk') as WxCloud;
  // The typings say string, but the SDK documents this symbol as "the environment the function runs in".
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const { composeCloud } = require('./cloud') as typeof import('./cloud');
  return { deps: composeCloud(cloud, config), cloud };
}
