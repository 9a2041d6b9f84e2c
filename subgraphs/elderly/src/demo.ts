/** Demo family pledges: a round a year in a few dozen residential areas, 2021 to today. */
import { Check, DemoRandom, areasOf, communesOn } from '@antt/duties';
import { addDays, isoDate, unitId, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { elderlyFamilyPledges } from './db/schema.js';
import { validateFamilyPledge } from './data/pledge-repository.js';

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(1995, org);
  const check = new Check('input', today);
  const byId = new Map(areasOf(unitId.oldCommune('03730'), '2021-01-01').map((a) => [a.id, a]));
  const communes = communesOn('2021-01-01');
  while (byId.size < 40) for (const a of areasOf(r.pick(communes).id, '2021-01-01').slice(0, 3)) byId.set(a.id, a);
  const areas = [...byId.values()];
  const size = new Map(areas.map((a) => [a.id, r.int(40, 220)]));
  const rows: ReturnType<typeof validateFamilyPledge>[] = [];
  for (let year = 2021; year <= Number(today.slice(0, 4)); year++) {
    for (const a of areas) {
      const signedOn = addDays(isoDate(year, 2, 1), r.int(0, 120));
      if (signedOn > today || r.chance(15)) continue;
      const total = size.get(a.id)!;
      rows.push(validateFamilyPledge(org, { signedOn, unitId: a.id, familiesTotal: total, familiesSigned: Math.round(total * (r.int(75, 100) / 100)) }, check));
    }
  }
  for (let i = 0; i < rows.length; i += 500) db.insert(elderlyFamilyPledges).values(rows.slice(i, i + 500).map((v) => ({ ...v, demo: true, recordedBy: 'demo-data', recordedAt: `${v.signedOn}T09:00:00.000Z` }))).run();
  return rows.length;
}
