import type { AnyAction } from '../api/action';
import { acceptCase } from './acceptance/accept-case';
import { ADMIN_ACTIONS } from './admin';
import { reassignCase } from './acceptance/reassign-case';
import { refuseCase } from './acceptance/refuse-case';
import { returnCase } from './acceptance/return-case';
import { switchToOnsite } from './acceptance/switch-to-onsite';
import { CLAIMS_ACTIONS } from './claims';
import { getMatter } from './catalogue/get-matter';
import { installPilotMatters } from './catalogue/install-pilot-matters';
import { listMatters } from './catalogue/list-matters';
import { publishChecklist } from './catalogue/publish-checklist';
import { saveMatter } from './catalogue/save-matter';
import { grantRoles } from './identity/grant-roles';
import { listUsers } from './identity/list-users';
import { updateProfile } from './identity/update-profile';
import { FORMS_ACTIONS } from './forms';
import { whoami } from './identity/whoami';
import { INSPECTION_ACTIONS } from './inspection';
import { applyForInspection } from './intake/apply-for-inspection';
import { registerCase } from './intake/register-case';
import { requestUpload } from './intake/request-upload';
import { resubmitCase } from './intake/resubmit-case';
import { withdrawCase } from './intake/withdraw-case';
import { getCase } from './queries/get-case';
import { getFileUrl } from './queries/get-file-url';
import { listFileAccess } from './queries/list-file-access';
import { listHandlerCases } from './queries/list-handler-cases';
import { listMyCases } from './queries/list-my-cases';
import { listSectionStaff } from './queries/list-section-staff';
import { NOTIFICATIONS_ACTIONS } from './notifications';
import { listSectionSubmissions } from './queries/list-section-submissions';
import { SUPERVISION_ACTIONS } from './supervision';

/** Every action the `api` function serves. */
export const ALL_ACTIONS: readonly AnyAction[] = [
  whoami, listUsers, grantRoles, updateProfile,
  listMatters, getMatter, saveMatter, publishChecklist, installPilotMatters,
  applyForInspection, registerCase, requestUpload, resubmitCase, withdrawCase,
  acceptCase, returnCase, refuseCase, reassignCase, switchToOnsite,
  getCase, getFileUrl, listFileAccess, listMyCases, listHandlerCases, listSectionSubmissions, listSectionStaff,
  ...FORMS_ACTIONS, ...INSPECTION_ACTIONS, ...SUPERVISION_ACTIONS, ...NOTIFICATIONS_ACTIONS,
  ...CLAIMS_ACTIONS,
  ...ADMIN_ACTIONS,
];
