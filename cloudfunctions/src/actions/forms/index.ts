import type { AnyAction } from '../../api/action';
import { bookSlot } from './book-slot';
import { countersignConsent } from './countersign-consent';
import { createMeeting } from './create-meeting';
import { getCaseForms } from './get-case-forms';
import { getFormTemplates } from './get-form-templates';
import { getGroup } from './get-group';
import { getReadyQueue } from './get-ready-queue';
import { getSignedFormCopies } from './get-signed-form-copies';
import { inviteContact } from './invite-contact';
import { joinGroupByInvite } from './join-group-by-invite';
import { listGroupMessages } from './list-group-messages';
import { offerSlots } from './offer-slots';
import { openGroup } from './open-group';
import { postGroupMessage } from './post-group-message';
import { publishFormTemplate } from './publish-form-template';
import { recordNoShow } from './record-no-show';
import { requestOtherTimes } from './request-other-times';
import { rescheduleInspection } from './reschedule-inspection';
import { setMeetingManually } from './set-meeting-manually';
import { setSectionGroupQr } from './set-section-group-qr';
import { signForm } from './sign-form';

/** The forms actions: signing (R6), the inspection group (R5, R10), scheduling (R11) and the meeting (R12). */
export const FORMS_ACTIONS: readonly AnyAction[] = [
  getFormTemplates, publishFormTemplate, getCaseForms, signForm, countersignConsent, getSignedFormCopies,
  openGroup, getGroup, listGroupMessages, postGroupMessage, inviteContact, joinGroupByInvite, setSectionGroupQr,
  getReadyQueue, offerSlots, requestOtherTimes, bookSlot, rescheduleInspection, recordNoShow, createMeeting, setMeetingManually,
];
