/** Demo data of the veterans' own records: patrols every month, condemnation forums a few times a year, 2021 to today. */
import { DemoRandom, areasOf, demoMonths } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import type { OrganizationId } from '@antt/reference';
import { condemnationForums, patrols } from './kinds/index.js';

const FINDINGS = [
  'Phát hiện nhóm thanh niên tụ tập, gây mất trật tự',
  'Phát hiện đối tượng nghi vấn trộm cắp gia súc',
  'Phát hiện điểm nghi vấn sử dụng trái phép chất ma túy',
  'Phát hiện nguy cơ cháy rừng do đốt nương',
];
const TOPICS = [
  'Lên án hành vi buôn bán, sử dụng trái phép chất ma túy',
  'Lên án hành vi trộm cắp tài sản',
  'Lên án hành vi mua bán người',
  'Lên án hành vi tảo hôn, hôn nhân cận huyết thống',
];

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(1951, org);
  const write = demoWriter(db, org, today);
  let n = 0;
  for (const month of demoMonths(today)) {
    for (let i = r.int(6, 14); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const commune = r.commune(date);
      const area = r.pick(areasOf(commune.id, date).concat(commune));
      const incidentsFound = r.chance(70) ? 0 : r.int(1, 3);
      write(patrols, {
        date,
        unitId: area.id,
        team: `Tổ CCB tuần tra ${area.name}`,
        members: r.int(3, 10),
        incidentsFound,
        findings: incidentsFound ? r.pick(FINDINGS) : null,
        handedToPolice: incidentsFound ? r.int(0, incidentsFound) : 0,
      });
      n++;
    }
    if (r.chance(60)) {
      const date = r.dayOf(month, today);
      if (date) {
        const attendance = r.int(30, 200);
        write(condemnationForums, { date, unitId: r.commune(date).id, topic: r.pick(TOPICS), attendance, pledges: r.int(0, attendance) });
        n++;
      }
    }
  }
  return n;
}
