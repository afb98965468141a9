import type { AnyAction } from '../../api/action';
import { addEvidence } from './add-evidence';
import { addObserverRemark } from './add-observer-remark';
import { archiveCase } from './archive-case';
import { attachMeetingRecording } from './attach-meeting-recording';
import { confirmSessionCode } from './confirm-session-code';
import { decideInspection } from './decide-inspection';
import { getArchive } from './get-archive';
import { getInspection } from './get-inspection';
import { listRegulatorInbox } from './list-regulator-inbox';
import { rateService } from './rate-service';
import { requestReinspection } from './request-reinspection';
import { resumeInspection } from './resume-inspection';
import { saveChecklistItem } from './save-checklist-item';
import { settleRecountedDeadline } from './settle-recounted-deadline';
import { startInspection } from './start-inspection';
import { submitRectificationProof } from './submit-rectification-proof';
import { supersedeEvidence } from './supersede-evidence';
import { verifyEvidence } from './verify-evidence';

/** The inspection actions: the record, evidence, decision, rectification, archive, regulator push and rating. */
export const INSPECTION_ACTIONS: readonly AnyAction[] = [
  getInspection, startInspection, resumeInspection, confirmSessionCode, saveChecklistItem, addObserverRemark,
  addEvidence, attachMeetingRecording, supersedeEvidence, verifyEvidence,
  decideInspection, submitRectificationProof, requestReinspection,
  archiveCase, getArchive, listRegulatorInbox, rateService, settleRecountedDeadline,
];
