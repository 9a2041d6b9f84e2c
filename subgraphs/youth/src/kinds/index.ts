/**
 * The youth union's own kinds of record. The duties it shares with other organizations come from
 * packages/casework; activities, models, forums and opinions from packages/subgraph-kit.
 */
import { defineKind, field, fmtDate, type FieldSpec } from '@antt/subgraph-kit';

/**
 * `field.bool` as stored: the framework's hands SQLite a JavaScript boolean, which better-sqlite3 cannot
 * bind, so every write of a kind with a boolean field fails. The same field, written as 1 or 0.
 */
function bool(o: Parameters<typeof field.bool>[0]): FieldSpec<boolean, true> {
  const f = field.bool(o) as FieldSpec<boolean, true>;
  return { ...f, toDb: (v) => (v == null ? null : v ? 1 : 0), parse: f.parse.bind(f) };
}

/** Any level: a session or a forum may be held by the province's union as well as in a hamlet. */
const ANY_LEVEL = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'] as const;

/** Where a legal education session took place (địa điểm, hình thức). */
export const SESSION_SETTINGS = {
  SCHOOL: 'At a school (trường học).',
  COMMUNITY: 'In a residential community (cộng đồng dân cư).',
  WORKPLACE: 'At a workplace (nơi làm việc).',
  ONLINE: 'Online (trực tuyến).',
} as const;

/** Kind of club or team (loại câu lạc bộ, đội). */
export const YOUTH_TEAM_KINDS = {
  DRUG_PREVENTION_CLUB: 'Drug-prevention club (câu lạc bộ phòng, chống ma túy).',
  VOLUNTEER_TEAM: 'Youth volunteer team (đội thanh niên tình nguyện).',
  VOLUNTEER_PATROL_TEAM: 'Youth volunteer patrol team for security and order (đội thanh niên tình nguyện tuần tra, xung kích ANTT).',
} as const;
export type YouthTeamKind = keyof typeof YOUTH_TEAM_KINDS;

/** Legal education sessions for young people (tuyên truyền, giáo dục pháp luật cho thanh thiếu niên). */
export const legalSessions = defineKind({
  org: 'youth',
  type: 'YouthLegalSession',
  table: 'youth_legal_sessions',
  slug: 'legal-session',
  description:
    'A legal education session for young people (tuyên truyền, giáo dục pháp luật cho thanh thiếu niên): where, how many young people it reached, and whether it was an activity of the project "Phòng, chống ma túy trong thanh thiếu niên" 2021-2030.',
  nounVi: 'buổi tuyên truyền',
  list: 'youthLegalSessions',
  create: 'recordYouthLegalSession',
  fields: {
    date: field.date({ label: 'Ngày tổ chức', description: 'Day it took place (ngày tổ chức); not in the future.' }),
    unitId: field.unit({ label: 'Địa bàn', description: 'Unit where it took place, as it was on that day (địa bàn).', levels: ANY_LEVEL }),
    topic: field.text({ label: 'Chủ đề', description: 'Topic (chủ đề), e.g. Tác hại của ma túy và kỹ năng từ chối.', max: 300 }),
    setting: field.oneOf({
      label: 'Địa điểm, hình thức',
      description: 'Where a legal education session took place (địa điểm, hình thức).',
      enumType: 'SessionSetting',
      catalogue: SESSION_SETTINGS,
    }),
    youthReached: field.count({
      label: 'Số thanh thiếu niên tham dự',
      description: 'Young people reached (số thanh thiếu niên tham dự), 1 or more.',
      min: 1,
      max: 100_000,
    }),
    drugPrevention: bool({
      label: 'Thuộc Đề án phòng, chống ma túy',
      description: 'Whether it was an activity of the project Phòng, chống ma túy trong thanh thiếu niên 2021-2030.',
    }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  example: {
    date: '2021-04-01',
    unitId: 'commune:03730@2019',
    topic: 'Tác hại của ma túy và kỹ năng từ chối',
    setting: 'SCHOOL',
    youthReached: 120,
    drugPrevention: true,
  },
  exampleChange: { youthReached: 135, note: 'Bổ sung học sinh lớp 9 tham dự' },
  counts: {
    field: 'legalEducation',
    type: 'YouthLegalEducationSummary',
    description: 'Legal education for young people in a unit and period, in counts.',
    countDescription: 'Sessions held (số buổi).',
    sums: { youthReached: { of: 'youthReached', description: 'Young people reached, added up (lượt thanh thiếu niên).' } },
    by: { field: 'setting', as: 'bySetting', type: 'SessionSettingCount', description: 'By setting, every setting listed.' },
  },
});

/** Youth forums on crime prevention (diễn đàn thanh niên với phòng, chống tội phạm). */
export const crimeForums = defineKind({
  org: 'youth',
  type: 'YouthCrimeForum',
  table: 'youth_forums',
  slug: 'crime-forum',
  description: 'A youth forum on crime prevention (diễn đàn thanh niên với phòng, chống tội phạm): people attending and the proposals young people raised.',
  nounVi: 'diễn đàn',
  list: 'youthCrimeForums',
  create: 'recordYouthCrimeForum',
  fields: {
    date: field.date({ label: 'Ngày tổ chức diễn đàn', description: 'Day it was held (ngày tổ chức); not in the future.' }),
    unitId: field.unit({ label: 'Địa bàn', description: 'Unit where it was held, as it was on that day (địa bàn).', levels: ANY_LEVEL }),
    topic: field.text({ label: 'Chủ đề diễn đàn', description: 'Topic (chủ đề), e.g. Thanh niên nói không với ma túy.', max: 300 }),
    attendance: field.count({ label: 'Số người dự', description: 'People attending (số người dự), 1 or more.', min: 1, max: 100_000 }),
    proposals: field.count({ label: 'Số ý kiến, đề xuất', description: 'Proposals and opinions young people raised (số ý kiến, đề xuất).', max: 10_000 }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  example: { date: '2021-04-01', unitId: 'commune:03730@2019', topic: 'Thanh niên với phòng, chống tội phạm và tệ nạn xã hội', attendance: 90, proposals: 7 },
  exampleChange: { proposals: 9 },
  counts: {
    field: 'crimeForums',
    type: 'YouthCrimeForumSummary',
    description: 'Youth forums on crime prevention in a unit and period, in counts.',
    countDescription: 'Forums held.',
    sums: {
      attendance: { of: 'attendance', description: 'People attending, added up.' },
      proposals: { of: 'proposals', description: 'Proposals raised.' },
    },
  },
});

/**
 * Clubs and volunteer teams: drug-prevention clubs, volunteer teams, youth volunteer patrol teams (the
 * project's "clubs or volunteer teams" indicator). A team is dated by its founding; its dissolution is
 * a correction of `dissolvedOn` (dissolveYouthTeam in schema.graphql). Counts of teams active on a day
 * are the subgraph's own (src/resolvers): the framework counts records dated in a period.
 */
export const teams = defineKind({
  org: 'youth',
  type: 'YouthTeam',
  table: 'youth_teams',
  slug: 'team',
  description:
    'A club or team of young people (câu lạc bộ, đội): drug-prevention club, volunteer team or volunteer patrol team, from its founding to its dissolution.',
  nounVi: 'câu lạc bộ, đội',
  list: 'youthTeams',
  create: 'registerYouthTeam',
  fields: {
    foundedOn: field.date({ label: 'Ngày thành lập', description: 'Day it was founded (ngày thành lập); not in the future.' }),
    unitId: field.unit({ label: 'Địa bàn', description: 'Unit it belongs to, as it was when founded (địa bàn).', levels: ANY_LEVEL }),
    kind: field.oneOf({
      label: 'Loại câu lạc bộ, đội',
      description: 'Kind of club or team (loại câu lạc bộ, đội).',
      enumType: 'YouthTeamKind',
      catalogue: YOUTH_TEAM_KINDS,
    }),
    name: field.text({ label: 'Tên câu lạc bộ, đội', description: 'Name (tên), e.g. Câu lạc bộ Thanh niên phòng, chống ma túy xã Chiềng Pha.', max: 200 }),
    members: field.count({ label: 'Số thành viên', description: 'Members (số thành viên), 1 or more.', min: 1, max: 10_000 }),
    dissolvedOn: field.date({
      label: 'Ngày giải thể',
      description: 'Day it was dissolved (ngày giải thể); null while active; not before its founding.',
      required: false,
    }),
  },
  dateField: 'foundedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.dissolvedOn && v.dissolvedOn < v.foundedOn)
      c.problems.add(c.at('dissolvedOn'), `Ngày giải thể ${fmtDate(v.dissolvedOn)} trước ngày thành lập (${fmtDate(v.foundedOn)}).`, 'DATE_BEFORE_START');
  },
  example: {
    foundedOn: '2021-03-26',
    unitId: 'commune:03730@2019',
    kind: 'DRUG_PREVENTION_CLUB',
    name: 'Câu lạc bộ Thanh niên phòng, chống ma túy',
    members: 25,
  },
  exampleChange: { members: 28 },
});

/** Every kind the youth union keeps through the record framework. */
export const kinds = [legalSessions, crimeForums, teams];
