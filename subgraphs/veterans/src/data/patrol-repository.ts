/** Veterans' patrols: validation, and the repository made from the shared record-kind helper. */
import { invalidInput } from '@antt/auth';
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { veteransPatrols } from '../db/schema.js';

export interface PatrolInput {
  date: string;
  unitId: string;
  team: string;
  members: number;
  incidentsFound: number;
  findings?: string | null;
  handedToPolice: number;
  note?: string | null;
}

export function validatePatrol(org: OrganizationId, f: PatrolInput, check: Check) {
  const date = check.pastDate('date', f.date, 'Ngày tuần tra');
  const unit = check.unitOn('unitId', f.unitId, date, ['COMMUNE', 'RESIDENTIAL_AREA']);
  const incidentsFound = check.count('incidentsFound', f.incidentsFound, 'Số vụ việc phát hiện', 0, 1000);
  const handedToPolice = check.count('handedToPolice', f.handedToPolice, 'Số vụ việc bàn giao cho Công an', 0, 1000);
  if (handedToPolice > incidentsFound) throw invalidInput(check.at('handedToPolice'), `Số vụ việc bàn giao cho Công an (${handedToPolice}) nhiều hơn số vụ việc phát hiện (${incidentsFound}).`, 'MORE_THAN_TOTAL');
  const findings = check.text('findings', f.findings, 'Nội dung phát hiện', 2000);
  if (incidentsFound > 0 && !findings) throw invalidInput(check.at('findings'), 'Đã phát hiện vụ việc: hãy ghi nội dung phát hiện (không ghi họ tên người liên quan).', 'REQUIRED');
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    team: check.text('team', f.team, 'Tên tổ tuần tra', 200, true),
    members: check.count('members', f.members, 'Số hội viên tham gia', 1, 500),
    incidentsFound,
    findings,
    handedToPolice,
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class PatrolRepository extends recordKind({
  name: 'veterans-patrols',
  table: veteransPatrols,
  columns: { id: veteransPatrols.id, unitId: veteransPatrols.unitId, date: veteransPatrols.date },
  dateOf: (r) => r.date,
  sums: { memberTurns: veteransPatrols.members, incidentsFound: veteransPatrols.incidentsFound, handedToPolice: veteransPatrols.handedToPolice },
  nounVi: 'ca tuần tra',
  validate: validatePatrol,
}) {}
