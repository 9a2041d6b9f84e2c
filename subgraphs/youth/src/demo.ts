/** Demo data of the youth union's own records, 2021 to today: sessions every month, forums, clubs and teams. */
import { eq } from 'drizzle-orm';
import { Check, DemoRandom, demoMonths } from '@antt/duties';
import { addDays, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { youthCrimeForums, youthLegalSessions, youthTeams } from './db/schema.js';
import { SESSION_SETTINGS, YOUTH_TEAM_KINDS, type SessionSetting, type YouthTeamKind } from './data/catalogues.js';
import { validateLegalSession } from './data/session-repository.js';
import { validateYouthCrimeForum } from './data/forum-repository.js';
import { validateYouthTeam } from './data/team-repository.js';

const TOPICS = ['Tác hại của ma túy và kỹ năng từ chối', 'Phòng, chống lừa đảo trên không gian mạng', 'Luật Giao thông đường bộ cho học sinh', 'Phòng, chống bạo lực học đường', 'Phòng, chống mua bán người', 'Luật Phòng, chống ma túy 2021'];
const FORUM_TOPICS = ['Thanh niên với phòng, chống tội phạm và tệ nạn xã hội', 'Thanh niên nói không với ma túy', 'Thanh niên với an toàn trên không gian mạng'];
const TEAM_NAMES: Record<YouthTeamKind, string> = { DRUG_PREVENTION_CLUB: 'Câu lạc bộ Thanh niên phòng, chống ma túy', VOLUNTEER_TEAM: 'Đội thanh niên tình nguyện', VOLUNTEER_PATROL_TEAM: 'Đội thanh niên xung kích tuần tra ANTT' };

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(2021_2030, org);
  const check = new Check('input', today);
  const mark = (d: string) => ({ demo: true, recordedBy: 'demo-data', recordedAt: `${d}T14:00:00.000Z` });
  const settings = Object.keys(SESSION_SETTINGS) as SessionSetting[];
  const sessions: ReturnType<typeof validateLegalSession>[] = [];
  const forums: ReturnType<typeof validateYouthCrimeForum>[] = [];
  for (const month of demoMonths(today)) {
    for (let i = r.int(4, 10); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const topic = r.pick(TOPICS);
      sessions.push(validateLegalSession(org, { date, unitId: r.commune(date).id, topic, setting: r.pick(settings), youthReached: r.int(20, 400), drugPrevention: topic.includes('ma túy') }, check));
    }
    if (r.chance(50)) {
      const date = r.dayOf(month, today);
      if (date) forums.push(validateYouthCrimeForum(org, { date, unitId: r.commune(date).id, topic: r.pick(FORUM_TOPICS), attendance: r.int(40, 250), proposals: r.int(0, 25) }, check));
    }
  }
  for (let i = 0; i < sessions.length; i += 500) db.insert(youthLegalSessions).values(sessions.slice(i, i + 500).map((v) => ({ ...v, ...mark(v.date) }))).run();
  if (forums.length) db.insert(youthCrimeForums).values(forums.map((v) => ({ ...v, ...mark(v.date) }))).run();
  let teams = 0;
  const kinds = Object.keys(YOUTH_TEAM_KINDS) as YouthTeamKind[];
  for (let d = '2021-01-15'; d <= today; d = addDays(d, r.int(10, 40))) {
    const commune = r.commune(d);
    const kind = r.pick(kinds);
    const row = db.insert(youthTeams).values({ ...validateYouthTeam(org, { foundedOn: d, unitId: commune.id, kind, name: `${TEAM_NAMES[kind]} ${commune.name}`, members: r.int(8, 40) }, check), ...mark(d) }).returning().get();
    const end = addDays(d, r.int(300, 1500));
    if (r.chance(25) && end <= today) db.update(youthTeams).set({ dissolvedOn: end }).where(eq(youthTeams.id, row.id)).run();
    teams++;
  }
  return sessions.length + forums.length + teams;
}
