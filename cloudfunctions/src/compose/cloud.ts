import type { Deps } from '../api/context';
import { CloudbaseFiles } from '../adapters/cloudbase/cloudbase-files';
import { CloudbaseStore } from '../adapters/cloudbase/cloudbase-store';
import { OutboxNotifier } from '../adapters/outbox-notifier';
import { PdfFunction } from '../adapters/pdf/pdf-function';
import { queryLogFromEnv } from '../adapters/query-shapes';
import { storeCalendar } from '../adapters/store-calendar';
import type { AppConfig } from '../config';
import { systemClock } from '../ports/clock';
import { randomIds } from '../ports/ids';
import { composeMeetings } from './meetings';

type WxCloud = typeof import('wx-server-sdk');

/** The CloudBase adapters over wx-server-sdk, for the deployed functions. */
export function composeCloud(cloud: WxCloud, config: AppConfig): Deps {
  const store = new CloudbaseStore(cloud, queryLogFromEnv());
  return {
    store, files: new CloudbaseFiles(cloud), notifier: new OutboxNotifier(store, systemClock), clock: systemClock, ids: randomIds, config,
    calendar: storeCalendar(store, config.calendarAdditions), meetings: composeMeetings(config),
    pdf: new PdfFunction(store, randomIds, systemClock, async (data) => ((await cloud.callFunction({ name: 'pdf', data })) as { result?: unknown }).result),
  };
}
