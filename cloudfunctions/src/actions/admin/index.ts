import type { AnyAction } from '../../api/action';
import { getCalendarYear } from './get-calendar-year';
import { saveCalendarYear } from './save-calendar-year';

/** The admin's actions of package-admin. */
export const ADMIN_ACTIONS: readonly AnyAction[] = [getCalendarYear, saveCalendarYear];
