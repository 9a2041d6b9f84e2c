/** Demo data of the youth union's own records, 2021 to today: sessions every month, forums, clubs and teams. */
import { DemoRandom, demoMonths } from '@antt/reference';
import { addDays, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { SESSION_SETTINGS, YOUTH_TEAM_KINDS, crimeForums, legalSessions, teams, type YouthTeamKind } from './kinds/index.js';

const TOPICS = [
  'Tác hại của ma túy và kỹ năng từ chối',
  'Phòng, chống lừa đảo trên không gian mạng',
  'Luật Giao thông đường bộ cho học sinh',
  'Phòng, chống bạo lực học đường',
  'Phòng, chống mua bán người',
  'Luật Phòng, chống ma túy 2021',
];
const FORUM_TOPICS = [
  'Thanh niên với phòng, chống tội phạm và tệ nạn xã hội',
  'Thanh niên nói không với ma túy',
  'Thanh niên với an toàn trên không gian mạng',
];
const TEAM_NAMES: Record<YouthTeamKind, string> = {
  DRUG_PREVENTION_CLUB: 'Câu lạc bộ Thanh niên phòng, chống ma túy',
  VOLUNTEER_TEAM: 'Đội thanh niên tình nguyện',
  VOLUNTEER_PATROL_TEAM: 'Đội thanh niên xung kích tuần tra ANTT',
};

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(2021_2030, org);
  const write = demoWriter(db, org, today);
  const settings = Object.keys(SESSION_SETTINGS);
  let n = 0;
  for (const month of demoMonths(today)) {
    for (let i = r.int(4, 10); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const topic = r.pick(TOPICS);
      write(legalSessions, {
        date,
        unitId: r.commune(date).id,
        topic,
        setting: r.pick(settings),
        youthReached: r.int(20, 400),
        drugPrevention: topic.includes('ma túy'),
      });
      n++;
    }
    if (r.chance(50)) {
      const date = r.dayOf(month, today);
      if (date) {
        write(crimeForums, { date, unitId: r.commune(date).id, topic: r.pick(FORUM_TOPICS), attendance: r.int(40, 250), proposals: r.int(0, 25) });
        n++;
      }
    }
  }
  const kinds = Object.keys(YOUTH_TEAM_KINDS) as YouthTeamKind[];
  for (let d = '2021-01-15'; d <= today; d = addDays(d, r.int(10, 40))) {
    const commune = r.commune(d);
    const kind = r.pick(kinds);
    const members = r.int(8, 40);
    // About a quarter of the teams founded long enough ago were dissolved since.
    const end = addDays(d, r.int(300, 1500));
    const dissolvedOn = r.chance(25) && end <= today ? end : null;
    write(teams, { foundedOn: d, unitId: commune.id, kind, name: `${TEAM_NAMES[kind]} ${commune.name}`, members, dissolvedOn });
    n++;
  }
  return n;
}
