/** Demo family pledges: a round a year in a few dozen residential areas, 2021 to today, through the same checks as a user's. */
import { DemoRandom, areasOf, communesOn } from '@antt/reference';
import { addDays, isoDate, unitId, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { familyPledges } from './kinds/index.js';

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(1995, org);
  const write = demoWriter(db, org, today);
  const byId = new Map(areasOf(unitId.oldCommune('03730'), '2021-01-01').map((a) => [a.id, a]));
  const communes = communesOn('2021-01-01');
  while (byId.size < 40) for (const a of areasOf(r.pick(communes).id, '2021-01-01').slice(0, 3)) byId.set(a.id, a);
  const areas = [...byId.values()];
  const size = new Map(areas.map((a) => [a.id, r.int(40, 220)]));
  let n = 0;
  for (let year = 2021; year <= Number(today.slice(0, 4)); year++) {
    for (const a of areas) {
      const signedOn = addDays(isoDate(year, 2, 1), r.int(0, 120));
      if (signedOn > today || r.chance(15)) continue;
      const total = size.get(a.id)!;
      write(familyPledges, { signedOn, unitId: a.id, familiesTotal: total, familiesSigned: Math.round(total * (r.int(75, 100) / 100)) });
      n++;
    }
  }
  return n;
}
