/** Demo mediation: teams in a few dozen residential areas, formed in 2019 to 2021, and the matters they mediated since. */
import { addDays, demoHotspotFor, unitId, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import type { MediationCategory, MediationResult } from '../catalogues.js';
import { DemoRandom, areasOf, communesOn, demoMonths } from '@antt/reference';
import { demoMemberName } from '@antt/reference';
import { mediationCaseKind, mediationTeamKind } from './kind.js';

const CATEGORIES: MediationCategory[] = [
  'LAND',
  'LAND',
  'LAND',
  'NEIGHBOURS',
  'NEIGHBOURS',
  'MARRIAGE_AND_FAMILY',
  'MARRIAGE_AND_FAMILY',
  'DEBT_AND_PROPERTY',
  'INHERITANCE',
  'CUSTOMS',
  'OTHER',
];
const SUMMARIES: Record<MediationCategory, string> = {
  LAND: 'Tranh chấp ranh giới nương rẫy giữa hai hộ',
  NEIGHBOURS: 'Mâu thuẫn giữa hai gia đình láng giềng do gia súc phá hoa màu',
  MARRIAGE_AND_FAMILY: 'Mâu thuẫn vợ chồng, gia đình đề nghị hòa giải',
  DEBT_AND_PROPERTY: 'Tranh chấp khoản vay mượn giữa các hộ',
  INHERITANCE: 'Tranh chấp chia thừa kế đất vườn giữa anh em',
  CUSTOMS: 'Bất đồng về tổ chức lễ cưới theo phong tục',
  OTHER: 'Mâu thuẫn về sử dụng nước tưới',
  STATE_OR_PUBLIC_INTEREST: '',
  CIVIL_NOT_MEDIABLE: '',
  CRIMINAL_OFFENCE: '',
  ADMINISTRATIVE_OFFENCE: '',
};

export function seedDemoMediation(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(352013, org);
  const write = demoWriter(db, org, today);
  const partnersPool: OrganizationId[] = ['front', 'women', 'veterans', 'farmers', 'elderly', 'youth'];
  // Always a team in the plan's model commune Chiềng Pha, then areas of communes picked at random.
  const areas = [...areasOf(unitId.oldCommune('03730'), '2021-01-01').slice(0, 2)];
  const communes = communesOn('2021-01-01');
  while (areas.length < 30) {
    const a = r.pick(areasOf(r.pick(communes).id, '2021-01-01'));
    if (a && !areas.some((x) => x.id === a.id)) areas.push(a);
  }
  const teams = areas.map((area) => {
    const mediators = r.int(3, 9);
    const formedOn = `20${r.int(19, 20)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
    return write(mediationTeamKind(org), {
      areaId: area.id,
      name: `Tổ hòa giải ${area.name}`,
      formedOn,
      mediators,
      womenMediators: r.int(r.chance(90) ? 1 : 0, 3),
      ourMembers: r.int(1, 2),
      partnerOrganizationIds: r.some(
        partnersPool.filter((p) => p !== org),
        1,
        3,
      ),
      leaderName: demoMemberName(r),
    });
  });
  let cases = 0;
  for (const month of demoMonths(today)) {
    for (let i = r.int(3, 8); i > 0; i--) {
      const receivedOn = r.dayOf(month, today);
      if (!receivedOn) continue;
      const team = r.pick(teams);
      const category = r.pick(CATEGORIES);
      const v = { teamId: team.id, receivedOn, category, parties: r.chance(85) ? 2 : r.int(3, 5), summary: SUMMARIES[category] };
      const resultOn = addDays(receivedOn, r.int(2, 25));
      const result: MediationResult = resultOn > today ? 'PENDING' : r.chance(80) ? 'SETTLED' : r.chance(60) ? 'NOT_SETTLED' : 'TRANSFERRED';
      // A land or neighbours' matter the police listed as a hotspot names it (one of the police's demo hotspots).
      const hotspot =
        (category === 'LAND' || category === 'NEIGHBOURS') && r.chance(15) ? demoHotspotFor(today, receivedOn, ['LAND_DISPUTE', 'DISPUTE']) : null;
      write(mediationCaseKind(org), {
        ...v,
        hotspotId: hotspot?.id ?? null,
        result,
        resultOn: result === 'PENDING' ? null : resultOn,
        transferredTo: result === 'TRANSFERRED' ? 'Ủy ban nhân dân xã' : null,
      });
      cases++;
    }
  }
  return teams.length + cases;
}
