/** Family pledges per residential area. */
import { invalidInput } from '@antt/auth';
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { elderlyFamilyPledges as pledges } from '../db/schema.js';

export interface FamilyPledgeInput {
  signedOn: string;
  unitId: string;
  familiesSigned: number;
  familiesTotal: number;
  note?: string | null;
}

export function validateFamilyPledge(org: OrganizationId, f: FamilyPledgeInput, check: Check) {
  const signedOn = check.pastDate('signedOn', f.signedOn, 'Ngày ký cam kết');
  const unit = check.unitOn('unitId', f.unitId, signedOn, ['RESIDENTIAL_AREA']);
  const familiesTotal = check.count('familiesTotal', f.familiesTotal, 'Tổng số hộ gia đình của khu dân cư', 1, 10_000);
  const familiesSigned = check.count('familiesSigned', f.familiesSigned, 'Số hộ gia đình ký cam kết', 0, 10_000);
  if (familiesSigned > familiesTotal) throw invalidInput(check.at('familiesSigned'), `Số hộ ký cam kết (${familiesSigned}) nhiều hơn tổng số hộ của khu dân cư (${familiesTotal}).`, 'MORE_THAN_TOTAL');
  return { signedOn, unitId: unit.id, branchId: check.branch(org, unit, signedOn), familiesSigned, familiesTotal, note: check.text('note', f.note, 'Ghi chú', 2000) };
}

export class FamilyPledgeRepository extends recordKind({
  name: 'elderly-family-pledges',
  table: pledges,
  columns: { id: pledges.id, unitId: pledges.unitId, date: pledges.signedOn },
  dateOf: (r) => r.signedOn,
  sums: { familiesSigned: pledges.familiesSigned, familiesTotal: pledges.familiesTotal },
  nounVi: 'đợt ký cam kết',
  validate: validateFamilyPledge,
}) {}
