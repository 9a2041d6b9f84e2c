/** Forums condemning law-breaking: validation, and the repository made from the shared record-kind helper. */
import { invalidInput } from '@antt/auth';
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { veteransCondemnationForums as forums } from '../db/schema.js';

export interface CondemnationForumInput {
  date: string;
  unitId: string;
  topic: string;
  attendance: number;
  pledges: number;
  note?: string | null;
}

export function validateCondemnationForum(org: OrganizationId, f: CondemnationForumInput, check: Check) {
  const date = check.pastDate('date', f.date, 'Ngày tổ chức diễn đàn');
  const unit = check.unitOn('unitId', f.unitId, date, ['COMMUNE', 'RESIDENTIAL_AREA']);
  const attendance = check.count('attendance', f.attendance, 'Số người dự', 1, 100_000);
  const pledges = check.count('pledges', f.pledges, 'Số bản cam kết', 0, 100_000);
  if (pledges > attendance) throw invalidInput(check.at('pledges'), `Số bản cam kết (${pledges}) nhiều hơn số người dự (${attendance}).`, 'MORE_THAN_TOTAL');
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    topic: check.text('topic', f.topic, 'Chủ đề diễn đàn', 300, true),
    attendance,
    pledges,
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class CondemnationForumRepository extends recordKind({
  name: 'veterans-condemnation-forums',
  table: forums,
  columns: { id: forums.id, unitId: forums.unitId, date: forums.date },
  dateOf: (r) => r.date,
  sums: { attendance: forums.attendance, pledges: forums.pledges },
  nounVi: 'diễn đàn',
  validate: validateCondemnationForum,
}) {}
