import * as z from 'zod';
import { defineAction } from '../../api/action';
import { loadSettings, settingsView } from '../../application/settings';

/** The admin reads the office's settings in force; whether Tencent Meeting is configured, never its secret. */
export const getSettings = defineAction({
  name: 'getSettings',
  schema: () => z.strictObject({}),
  callers: ['admin'],
  mutates: false,
  async handle(ctx) {
    return settingsView(ctx.config, await loadSettings(ctx.store));
  },
});
