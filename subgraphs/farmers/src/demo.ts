/**
 * Demo data of the farmers' association's own records: the close-out of Plan 447 in 2021 for the
 * province and each district (invented indicators and figures, marked as demo data: the plan's own
 * targets were not retrieved), and campaigns among members from 2021 to today. Written through
 * demoWriter: the same checks as a user's input.
 */
import { DemoRandom, demoMonths } from '@antt/reference';
import { addDays, territory, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { campaigns, plan447Results } from './kinds/index.js';

const INDICATORS: [string, string, number][] = [
  ['Buổi tuyên truyền pháp luật phối hợp với Công an', 'buổi', 40],
  ['Hội viên được tuyên truyền, vận động', 'lượt hội viên', 5000],
  ['Mô hình tự quản về an ninh, trật tự ở nông thôn', 'mô hình', 6],
  ['Tin báo về tội phạm hội viên cung cấp', 'tin', 30],
  ['Người lầm lỗi được hội viên giúp đỡ', 'người', 25],
];
const CAMPAIGNS = [
  'Hội viên nông dân không vi phạm pháp luật',
  'Nông dân tích cực tố giác tội phạm',
  'Nông dân không trồng cây có chất ma túy',
  'Nông dân chung sức xây dựng nông thôn mới an toàn',
];

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(447, org);
  const write = demoWriter(db, org, today);
  let n = 0;
  const reportedOn = '2021-11-25';
  if (reportedOn <= today) {
    const t = territory();
    for (const unit of [t.unit(t.provinceId)!, ...t.unitsOn('2021-01-01', 'DISTRICT')]) {
      const scale = unit.level === 'PROVINCE' ? 12 : 1;
      for (const [indicator, unitOfMeasure, base] of INDICATORS) {
        const target = base * scale;
        const achieved = Math.round(target * (r.int(70, 130) / 100));
        write(plan447Results, { reportedOn, unitId: unit.id, indicator, unitOfMeasure, target, achieved });
        n++;
      }
    }
  }
  for (const month of demoMonths(today)) {
    for (let i = r.int(0, 3); i > 0; i--) {
      const startedOn = r.dayOf(month, today);
      if (!startedOn) continue;
      const endedOn = addDays(startedOn, r.int(30, 180));
      const membersReached = r.int(40, 800);
      write(campaigns, {
        name: r.pick(CAMPAIGNS),
        startedOn,
        endedOn: endedOn <= today ? endedOn : null,
        unitId: r.commune(startedOn).id,
        membersReached,
        pledgesSigned: r.int(0, membersReached),
      });
      n++;
    }
  }
  return n;
}
