/** The youth union's catalogues (GraphQL enums in schema.graphql; values kept in step). */
export const SESSION_SETTINGS = {
  SCHOOL: 'trường học',
  COMMUNITY: 'cộng đồng dân cư',
  WORKPLACE: 'nơi làm việc',
  ONLINE: 'trực tuyến',
} as const;
export type SessionSetting = keyof typeof SESSION_SETTINGS;

export const YOUTH_TEAM_KINDS = {
  DRUG_PREVENTION_CLUB: 'câu lạc bộ phòng, chống ma túy',
  VOLUNTEER_TEAM: 'đội thanh niên tình nguyện',
  VOLUNTEER_PATROL_TEAM: 'đội thanh niên tình nguyện tuần tra, xung kích ANTT',
} as const;
export type YouthTeamKind = keyof typeof YOUTH_TEAM_KINDS;
