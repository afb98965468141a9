import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../api/context';
import { FolderFiles } from '../adapters/local/folder-files';
import { SqliteStore } from '../adapters/local/sqlite-store';
import { OutboxNotifier } from '../adapters/outbox-notifier';
import { storeCalendar } from '../adapters/store-calendar';
import type { AppConfig } from '../config';
import { type Clock, systemClock } from '../ports/clock';
import { randomIds } from '../ports/ids';
import { loadChineseFont } from '../render/font';
import { composeMeetings } from './meetings';

export interface LocalOptions {
  /** Folder holding the database file and the stored files. */
  dataDir: string;
  /** Base URL the local runtime serves files from. */
  publicBaseUrl: string;
  config: AppConfig;
  clock?: Clock;
}

/** The local adapters: an SQLite file and a folder, for `npm start` and the tests. */
export function composeLocal(options: LocalOptions): Deps & { store: SqliteStore; files: FolderFiles } {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const store = new SqliteStore(join(options.dataDir, 'rvi.sqlite'));
  const files = new FolderFiles(join(options.dataDir, 'files'), options.publicBaseUrl);
  return {
    store, files, notifier: new OutboxNotifier(store, clock), clock, ids: randomIds, config: options.config,
    calendar: storeCalendar(store, options.config.calendarAdditions), meetings: composeMeetings(options.config), formFont: loadChineseFont,
  };
}
