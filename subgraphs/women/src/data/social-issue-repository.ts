/** Actions under the 2017-2027 project on social issues concerning women (Đề án 938). */
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { womenSocialIssueActions as actions } from '../db/schema.js';
import { SOCIAL_ISSUES, SOCIAL_ISSUE_FORMS, type SocialIssue, type SocialIssueForm } from './catalogues.js';

export interface SocialIssueActionInput {
  date: string;
  unitId: string;
  issue: SocialIssue;
  form: SocialIssueForm;
  participants: number;
  note?: string | null;
}

export function validateSocialIssueAction(org: OrganizationId, f: SocialIssueActionInput, check: Check) {
  const date = check.pastDate('date', f.date, 'Ngày thực hiện');
  const unit = check.unitOn('unitId', f.unitId, date);
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    issue: check.oneOf('issue', f.issue, SOCIAL_ISSUES, 'Vấn đề xã hội'),
    form: check.oneOf('form', f.form, SOCIAL_ISSUE_FORMS, 'Hình thức'),
    participants: check.count('participants', f.participants, 'Số người được tiếp cận', 0, 100_000),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class SocialIssueActionRepository extends recordKind({
  name: 'women-social-issue-actions',
  table: actions,
  columns: { id: actions.id, unitId: actions.unitId, date: actions.date },
  dateOf: (r) => r.date,
  sums: { participants: actions.participants },
  by: { column: actions.issue, catalogue: SOCIAL_ISSUES },
  nounVi: 'hoạt động Đề án 938',
  validate: validateSocialIssueAction,
}) {}
