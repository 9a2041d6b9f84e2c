/**
 * Demo implementing plans (kế hoạch triển khai, Plan 155 section V.2), so that a new user sees them:
 * each organization's provincial branch issues its plan in June 2021, and its branch in Huyện Thuận
 * Châu (where the model commune Chiềng Pha lies) one in July, where the organization has a branch
 * there. Fixed data, no random draw; written through the record framework with a user's checks.
 */
import { hasBranchOn, territory, unitId, type IsoDate, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { demoWriter } from '../records/demo.js';
import { branchNameOn } from '../reports/document.js';
import { implementingPlanKind } from './kind.js';

/** The symbol each organization's plans carry (KH-…). */
const SYMBOL: Record<OrganizationId, string> = {
  front: 'MTTQ-BTT',
  police: 'CAT-PV05',
  veterans: 'HCCB',
  women: 'HPN',
  youth: 'ĐTN',
  labour: 'LĐLĐ',
  farmers: 'HND',
  elderly: 'HNCT',
  infocomm: 'STTTT',
};

const PLANS: { unitId: string; issuedOn: IsoDate; number: number; where: string }[] = [
  { unitId: unitId.province('14'), issuedOn: '2021-06-15', number: 45, where: 'trên địa bàn tỉnh' },
  { unitId: unitId.district('119'), issuedOn: '2021-07-05', number: 12, where: 'trên địa bàn huyện Thuận Châu' },
];

export function seedDemoImplementingPlans(db: Db, org: OrganizationId, today: string): number {
  const write = demoWriter(db, org, today);
  let n = 0;
  for (const p of PLANS) {
    const unit = territory().unit(p.unitId);
    if (!unit || p.issuedOn > today || !hasBranchOn(org, unit, p.issuedOn)) continue;
    write(implementingPlanKind(org), {
      unitId: p.unitId,
      issuedOn: p.issuedOn,
      documentNumber: `${p.number}/KH-${SYMBOL[org]}`,
      issuingBody: branchNameOn(org, unit, p.issuedOn),
      documentKind: 'PLAN',
      title: `Triển khai thực hiện Kế hoạch số 155/KH-MTTQ-CAT ${p.where} (dữ liệu mẫu).`,
    });
    n++;
  }
  return n;
}
