import * as z from 'zod';
import { ALL_ACTIONS } from '../actions';
import { type Api, createApi } from '../api/router';
import { composeFromEnv } from '../compose/from-env';

// The `api` cloud function. In CloudBase the caller is the OPENID the platform puts in the context; in the
// local runtime (RVI_LOCAL=1) it is the one the runtime passes in the context from its dev header.

// A cold start serves one call per schema: compiling zod's fast paths (new Function) would cost more than it saves.
z.config({ jitless: true });

let api: Api | undefined;
let cloud: typeof import('wx-server-sdk') | undefined;

function compose(): Api {
  const composed = composeFromEnv();
  cloud = composed.cloud;
  return createApi(composed.deps, ALL_ACTIONS);
}

export async function main(event: unknown, context: { localOpenid?: string } = {}): Promise<unknown> {
  api ??= compose();
  const openid = cloud ? cloud.getWXContext().OPENID : context.localOpenid;
  return api(event, openid);
}
