import type { Relation } from '../../cloudfunctions/src/application/access';

/** How a caller with no part in a case stands to it; a test sets the parts it means. */
export const NO_RELATION: Relation = {
  applicant: false,
  contact: false,
  handler: false,
  sectionStaff: false,
  sectionHead: false,
  observer: false,
  supervisor: false,
  regulator: false,
  admin: false,
  registrar: false,
  actsForApplicant: false,
};
