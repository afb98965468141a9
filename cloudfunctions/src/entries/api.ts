import { ALL_ACTIONS } from '../actions';
import { type Api, createApi } from '../api/router';
import { configFromEnv } from '../config';

// The `api` cloud function. In CloudBase the caller is the OPENID the platform puts in the context; in the
// local runtime (RVI_LOCAL=1) it is the one the runtime passes in the context from its dev header. wx-server-sdk
// and better-sqlite3 are required only on the path that uses them, so each side loads what it needs.

let api: Api | undefined;
let cloud: typeof import('wx-server-sdk') | undefined;

function compose(): Api {
  const config = configFromEnv(process.env);
  if (config.localMode) {
    const { composeLocal } = require('../compose/local') as typeof import('../compose/local');
    return createApi(
      composeLocal({ dataDir: process.env.RVI_DATA_DIR ?? '.data', publicBaseUrl: process.env.RVI_PUBLIC_URL ?? 'http://127.0.0.1:3000', config }),
      ALL_ACTIONS,
    );
  }
  cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  // The typings say string, but the SDK documents this symbol as "the environment the function runs in".
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const { composeCloud } = require('../compose/cloud') as typeof import('../compose/cloud');
  return createApi(composeCloud(cloud, config), ALL_ACTIONS);
}

export async function main(event: unknown, context: { localOpenid?: string } = {}): Promise<unknown> {
  api ??= compose();
  const openid = cloud ? cloud.getWXContext().OPENID : context.localOpenid;
  return api(event, openid);
}
