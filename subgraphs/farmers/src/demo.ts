/**
 * Demo data of the farmers' association's own records: the close-out of Plan 447 in 2021 for the
 * province and each district (invented indicators and figures, marked as demo data: the plan's own
 * targets were not retrieved), and campaigns among members from 2021 to today.
 */
import { Check, DemoRandom, demoMonths } from '@antt/duties';
import { addDays, territory, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { farmersCampaigns, farmersPlan447Results } from './db/schema.js';
import { validatePlan447Result } from './data/plan447-repository.js';
import { validateCampaign } from './data/campaign-repository.js';

const INDICATORS: [string, string, number][] = [
  ['Buổi tuyên truyền pháp luật phối hợp với Công an', 'buổi', 40],
  ['Hội viên được tuyên truyền, vận động', 'lượt hội viên', 5000],
  ['Mô hình tự quản về an ninh, trật tự ở nông thôn', 'mô hình', 6],
  ['Tin báo về tội phạm hội viên cung cấp', 'tin', 30],
  ['Người lầm lỗi được hội viên giúp đỡ', 'người', 25],
];
const CAMPAIGNS = ['Hội viên nông dân không vi phạm pháp luật', 'Nông dân tích cực tố giác tội phạm', 'Nông dân không trồng cây có chất ma túy', 'Nông dân chung sức xây dựng nông thôn mới an toàn'];

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(447, org);
  const check = new Check('input', today);
  const mark = (d: string) => ({ demo: true, recordedBy: 'demo-data', recordedAt: `${d}T16:00:00.000Z` });
  let n = 0;
  const reportedOn = '2021-11-25';
  if (reportedOn <= today) {
    const t = territory();
    for (const unit of [t.unit(t.provinceId)!, ...t.unitsOn('2021-01-01', 'DISTRICT')]) {
      const scale = unit.level === 'PROVINCE' ? 12 : 1;
      for (const [indicator, unitOfMeasure, base] of INDICATORS) {
        const target = base * scale;
        const achieved = Math.round(target * (r.int(70, 130) / 100));
        db.insert(farmersPlan447Results).values({ ...validatePlan447Result(org, { reportedOn, unitId: unit.id, indicator, unitOfMeasure, target, achieved }, check), ...mark(reportedOn) }).run();
        n++;
      }
    }
  }
  const campaigns = [];
  for (const month of demoMonths(today)) {
    for (let i = r.int(0, 3); i > 0; i--) {
      const startedOn = r.dayOf(month, today);
      if (!startedOn) continue;
      const endedOn = addDays(startedOn, r.int(30, 180));
      const membersReached = r.int(40, 800);
      campaigns.push(validateCampaign(org, { name: r.pick(CAMPAIGNS), startedOn, endedOn: endedOn <= today ? endedOn : null, unitId: r.commune(startedOn).id, membersReached, pledgesSigned: r.int(0, membersReached) }, check));
    }
  }
  if (campaigns.length) db.insert(farmersCampaigns).values(campaigns.map((v) => ({ ...v, ...mark(v.startedOn) }))).run();
  return n + campaigns.length;
}
