/**
 * Demo data of the labour federation's own records, 2021 to today, on the police's demo establishments
 * (same ids, see demoEstablishments): participations every year, core teams, boarding houses with their
 * checks, disputes and strikes, some reported as hotspots. Written through demoWriter: the same checks as
 * a user's input.
 */
import { DemoRandom, communeAsOn, demoMonths } from '@antt/reference';
import { addDays, demoEstablishmentCommuneOn, demoEstablishments, demoHotspotFor, isoDate, unitId, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { DISPUTE_CAUSES, boardingHouseChecks, boardingHouses, coreTeams, disputes, participations } from './kinds/index.js';

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(1990, org);
  const write = demoWriter(db, org, today);
  const all = demoEstablishments();
  const enterprises = all.filter((e) => e.kind === 'ENTERPRISE');
  const taking = [...enterprises, ...all.filter((e) => e.kind === 'AGENCY' && r.chance(25))];
  const zoneOf = new Map(enterprises.map((e) => [e.id, r.chance(40) ? 'Khu công nghiệp Mai Sơn' : null]));
  let n = 0;
  for (let year = 2021; year <= Number(today.slice(0, 4)); year++) {
    for (const e of taking) {
      const registeredOn = addDays(isoDate(year, 1, 10), r.int(0, 80));
      if (registeredOn > today || r.chance(10)) continue;
      write(participations, {
        establishmentId: e.id,
        year,
        registeredOn,
        unitId: demoEstablishmentCommuneOn(e, registeredOn, today),
        industrialZone: zoneOf.get(e.id) ?? null,
        workers: r.int(20, e.subKind === 'MEDIUM_OR_LARGE' ? 900 : 60),
        pledgeSigned: r.chance(85),
      });
      n++;
    }
  }
  for (const e of enterprises.filter((x) => x.subKind === 'MEDIUM_OR_LARGE')) {
    const foundedOn = addDays('2021-03-01', r.int(0, 500));
    if (foundedOn > today) continue;
    write(coreTeams, {
      establishmentId: e.id,
      unitId: demoEstablishmentCommuneOn(e, foundedOn, today),
      name: `Tổ nòng cốt công nhân ${e.name}`,
      foundedOn,
      members: r.int(5, 15),
    });
    n++;
  }
  const statuses = ['SAFE', 'SAFE', 'SAFE', 'NEEDS_IMPROVEMENT', 'NEEDS_IMPROVEMENT', 'UNSAFE'];
  for (let i = 1; i <= 20; i++) {
    const e = r.pick(enterprises);
    // The first one in the plan's model commune (Chiềng Pha, now Bình Thuận), the others near an enterprise.
    const registeredOn = i === 1 ? '2021-03-15' : addDays('2021-02-01', r.int(0, 900));
    if (registeredOn > today) continue;
    const communeId = communeAsOn(i === 1 ? unitId.newCommune('03724') : e.communeId, registeredOn);
    const house = write(boardingHouses, {
      name: `Khu nhà trọ công nhân số ${i}`,
      unitId: communeId,
      registeredOn,
      rooms: r.int(6, 40),
      workersLiving: r.int(10, 120),
    });
    n++;
    for (let d = addDays(registeredOn, r.int(10, 60)); d <= today; d = addDays(d, r.int(120, 240))) {
      // The check is kept under the house's commune as it is on the day of the check.
      write(boardingHouseChecks, { houseId: house.id, unitId: communeAsOn(communeId, d), checkedOn: d, safety: r.pick(statuses) });
      n++;
    }
  }
  const causes = Object.keys(DISPUTE_CAUSES);
  for (const month of demoMonths(today)) {
    if (!r.chance(45)) continue;
    const startedOn = r.dayOf(month, today);
    if (!startedOn) continue;
    const e = r.pick(enterprises);
    const kind = r.chance(70) ? 'DISPUTE' : r.chance(50) ? 'WORK_STOPPAGE' : 'STRIKE';
    // A stoppage or strike, and some disputes, were reported to the police: the hotspot they listed it as (a demo hotspot of theirs).
    const hotspotId = kind !== 'DISPUTE' || r.chance(30) ? (demoHotspotFor(today, startedOn, ['STRIKE', 'DISPUTE'])?.id ?? null) : null;
    const cause = r.pick(causes);
    const workersInvolved = r.int(5, 300);
    const resolvedOn = addDays(startedOn, r.int(2, 40));
    write(disputes, {
      establishmentId: e.id,
      unitId: demoEstablishmentCommuneOn(e, startedOn, today),
      startedOn,
      kind,
      cause,
      workersInvolved,
      hotspotId,
      resolvedOn: resolvedOn <= today ? resolvedOn : null,
    });
    n++;
  }
  return n;
}
