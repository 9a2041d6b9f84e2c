/** Youth forums on crime prevention. */
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { youthCrimeForums as forums } from '../db/schema.js';

export interface YouthCrimeForumInput {
  date: string;
  unitId: string;
  topic: string;
  attendance: number;
  proposals: number;
  note?: string | null;
}

export function validateYouthCrimeForum(org: OrganizationId, f: YouthCrimeForumInput, check: Check) {
  const date = check.pastDate('date', f.date, 'Ngày tổ chức diễn đàn');
  const unit = check.unitOn('unitId', f.unitId, date);
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    topic: check.text('topic', f.topic, 'Chủ đề diễn đàn', 300, true),
    attendance: check.count('attendance', f.attendance, 'Số người dự', 1, 100_000),
    proposals: check.count('proposals', f.proposals, 'Số ý kiến, đề xuất', 0, 10_000),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class YouthCrimeForumRepository extends recordKind({
  name: 'youth-forums',
  table: forums,
  columns: { id: forums.id, unitId: forums.unitId, date: forums.date },
  dateOf: (r) => r.date,
  sums: { attendance: forums.attendance, proposals: forums.proposals },
  nounVi: 'diễn đàn',
  validate: validateYouthCrimeForum,
}) {}
