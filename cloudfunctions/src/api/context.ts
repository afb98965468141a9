import type { GrantedRole } from '../../../typings/models';
import type { AppConfig } from '../config';
import type { Calendar } from '../ports/calendar';
import type { Clock } from '../ports/clock';
import type { Files } from '../ports/files';
import type { Ids } from '../ports/ids';
import type { Meetings } from '../ports/meetings';
import type { Notifier } from '../ports/notifier';
import type { PdfRenderer } from '../ports/pdf';
import type { Store } from '../ports/store';

/** Everything an action may touch, composed once at the function's entry. */
export interface Deps {
  store: Store;
  files: Files;
  notifier: Notifier;
  clock: Clock;
  ids: Ids;
  config: AppConfig;
  /** The working-day calendar: every count of days reads it. */
  calendar: Calendar;
  meetings: MeetingServices;
  /** The pdf function, which renders and stores the signed forms and the archive. */
  pdf: PdfRenderer;
}

/** The video meetings of inspections (R12). */
export interface MeetingServices {
  /** Creates the meeting of a booked slot; null where the office has no Tencent Meeting enterprise account. */
  scheduler: Meetings | null;
  /** Reads a meeting the handler scheduled in Tencent Meeting themselves and pasted (code, link or invitation). */
  pasted(text: string): Meetings;
}

/** A person as stored: the OPENID is the document id. */
export interface UserRecord {
  name: string;
  phone?: string;
  roles: GrantedRole[];
  sectionCode?: string;
  sectorCode?: string;
  createdAt: string;
}

/** Who is calling, from the cloud's OPENID, never from the payload. */
export interface Caller {
  openid: string;
  name: string;
  roles: ReadonlySet<GrantedRole>;
  sectionCode?: string;
  sectorCode?: string;
}

export interface ActionContext extends Deps {
  caller: Caller;
  requestId?: string;
  now: Date;
  /** Names of the actions this caller's roles allow at all. */
  callableActions: () => string[];
}
