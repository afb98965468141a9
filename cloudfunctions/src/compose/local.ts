import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Deps } from '../api/context';
import { FolderFiles } from '../adapters/local/folder-files';
import { SqliteStore } from '../adapters/local/sqlite-store';
import { OutboxNotifier } from '../adapters/outbox-notifier';
import { type InvokePdf, PdfFunction } from '../adapters/pdf/pdf-function';
import { queryLogFromEnv } from '../adapters/query-shapes';
import { storeCalendar } from '../adapters/store-calendar';
import type { AppConfig } from '../config';
import { type Clock, systemClock } from '../ports/clock';
import { randomIds } from '../ports/ids';
import { composeMeetings } from './meetings';

export interface LocalOptions {
  /** Folder holding the database file and the stored files. */
  dataDir: string;
  /** Base URL the local runtime serves files from. */
  publicBaseUrl: string;
  config: AppConfig;
  clock?: Clock;
  /** How the pdf function is reached; by default the built `cloudfunctions/pdf` folder, called directly. */
  pdf?: (store: SqliteStore, files: FolderFiles, clock: Clock) => InvokePdf;
}

/**
 * The built pdf function next to the api's folder (or in RVI_FUNCTIONS_DIR), loaded on its first call: required
 * at run time by path, so the api bundle never contains the renderer.
 */
const builtPdfFunction: InvokePdf = (event) => {
  const file = join(process.env.RVI_FUNCTIONS_DIR ?? join(__dirname, '..'), 'pdf', 'index.js');
  const { main } = createRequire(__filename)(file) as { main: (event: unknown) => Promise<unknown> };
  return main(event);
};

/** The local adapters: an SQLite file and a folder, for `npm start` and the tests. */
export function composeLocal(options: LocalOptions): Deps & { store: SqliteStore; files: FolderFiles } {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const store = new SqliteStore(join(options.dataDir, 'rvi.sqlite'), queryLogFromEnv());
  const files = new FolderFiles(join(options.dataDir, 'files'), options.publicBaseUrl);
  return {
    store, files, notifier: new OutboxNotifier(store, clock), clock, ids: randomIds, config: options.config,
    calendar: storeCalendar(store, options.config.calendarAdditions), meetings: composeMeetings(options.config),
    pdf: new PdfFunction(store, randomIds, clock, options.pdf?.(store, files, clock) ?? builtPdfFunction),
  };
}
