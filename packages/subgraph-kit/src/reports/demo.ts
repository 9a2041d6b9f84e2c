/**
 * Demo reports, so that leadership sees a timeliness grid: for the six-month report ending 9 June 2021,
 * the communes of Huyện Thuận Châu (where the plan's model commune Chiềng Pha lies) report, some on time
 * and accepted, one approved, one late and waiting, the others missing.
 */
import { addDays, periodById, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { dueDateOf } from './calendar.js';
import { writeDemoReport, type Reports } from './workflow.js';
import type { ReportStage } from './kind.js';

const DEMO_PERIOD = '2021-PLAN-6M';
const DISTRICT = 'district:119@2019';

export function seedDemoReports(db: Db, org: OrganizationId, today: string, reports: Reports): number {
  const period = periodById(DEMO_PERIOD)!;
  if (today <= dueDateOf(period)) return 0;
  const communes = reports.branchesUnder(DISTRICT, period).filter((u) => u.startsWith('commune:'));
  const due = dueDateOf(period);
  const plan: [ReportStage, string][] = [
    ['ACCEPTED', addDays(due, -3)],
    ['ACCEPTED', addDays(due, -1)],
    ['APPROVED', due],
    ['SUBMITTED', addDays(due, 6)],
  ];
  let n = 0;
  plan.forEach(([stage, submittedOn], i) => {
    const unitId = communes[i];
    if (!unitId) return;
    writeDemoReport(db, org, reports.kinds(), {
      unitId,
      periodId: DEMO_PERIOD,
      submittedOn,
      stage,
      results: 'Triển khai Kế hoạch 155 tới các chi hội, tổ chức tuyên truyền tại các bản (dữ liệu mẫu).',
    });
    n++;
  });
  return n;
}
