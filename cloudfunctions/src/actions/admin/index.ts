import type { AnyAction } from '../../api/action';
import { claimBindingInvite } from './claim-binding-invite';
import { createBindingInvite } from './create-binding-invite';
import { dismissDelivery } from './dismiss-delivery';
import { getCalendarYear } from './get-calendar-year';
import { getSectionWorkbench } from './get-section-workbench';
import { getSettings } from './get-settings';
import { listRatings } from './list-ratings';
import { listRoleChanges } from './list-role-changes';
import { listSectionCases } from './list-section-cases';
import { listSectionGroupQrs } from './list-section-group-qrs';
import { previewFormTemplate } from './preview-form-template';
import { retryDelivery } from './retry-delivery';
import { saveCalendarYear } from './save-calendar-year';
import { saveSettings } from './save-settings';

/** The admin's actions of package-admin. */
export const ADMIN_ACTIONS: readonly AnyAction[] = [getCalendarYear, saveCalendarYear, getSettings, saveSettings, retryDelivery, dismissDelivery, listSectionGroupQrs,
  createBindingInvite, claimBindingInvite, listRoleChanges, previewFormTemplate,
  getSectionWorkbench, listSectionCases, listRatings];
