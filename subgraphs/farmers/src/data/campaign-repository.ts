/** Campaigns among members. */
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { farmersCampaigns as campaigns } from '../db/schema.js';

export interface CampaignInput {
  startedOn: string;
  endedOn?: string | null;
  unitId: string;
  name: string;
  membersReached: number;
  pledgesSigned: number;
  note?: string | null;
}

export function validateCampaign(org: OrganizationId, f: CampaignInput, check: Check) {
  const startedOn = check.pastDate('startedOn', f.startedOn, 'Ngày bắt đầu');
  const unit = check.unitOn('unitId', f.unitId, startedOn);
  const endedOn = f.endedOn ? check.notBefore('endedOn', check.pastDate('endedOn', f.endedOn, 'Ngày kết thúc'), startedOn, 'Ngày kết thúc', 'ngày bắt đầu') : null;
  return {
    startedOn,
    endedOn,
    unitId: unit.id,
    branchId: check.branch(org, unit, startedOn),
    name: check.text('name', f.name, 'Tên cuộc vận động', 300, true),
    membersReached: check.count('membersReached', f.membersReached, 'Số hội viên được vận động', 0, 1_000_000),
    pledgesSigned: check.count('pledgesSigned', f.pledgesSigned, 'Số bản cam kết', 0, 1_000_000),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class CampaignRepository extends recordKind({
  name: 'farmers-campaigns',
  table: campaigns,
  columns: { id: campaigns.id, unitId: campaigns.unitId, date: campaigns.startedOn },
  dateOf: (r) => r.startedOn,
  sums: { membersReached: campaigns.membersReached, pledgesSigned: campaigns.pledgesSigned },
  nounVi: 'cuộc vận động',
  validate: validateCampaign,
}) {}
