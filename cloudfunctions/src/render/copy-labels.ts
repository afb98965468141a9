/** Which of the two copies (一式两份, R6): the applicant downloads one, the office archives the other. */
export type FormCopy = 'applicant' | 'office';

export const COPY_LABELS: Record<FormCopy, string> = {
  applicant: '申请人留存联',
  office: '审批局存档联',
};
