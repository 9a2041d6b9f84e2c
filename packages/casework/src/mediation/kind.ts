/**
 * Grassroots mediation (hòa giải ở cơ sở, Law 35/2013/QH13): the teams a member organization's members
 * sit on, and the matters they mediated. Parties are counted, never named. The rule of Article 3: a
 * matter the law excludes from mediation (a crime, an administrative violation, harm to the State or
 * the public, a civil matter the courts must decide) is refused before anything is written.
 */
import { isOrganizationId, ORGANIZATIONS } from '@antt/reference';
import { defineKind, field, fmtDate, POLICE_HOTSPOT, type RecordRepository, perOrganization } from '@antt/subgraph-kit';
import { MEDIATION_CATEGORIES, MEDIATION_EXCLUSIONS, MEDIATION_RESULTS, type MediationCategory, type MediationResult } from '../catalogues.js';

export const LAW_35_ARTICLE_3 = 'Luật Hòa giải ở cơ sở số 35/2013/QH13, Điều 3 khoản 1';

/** Why a category is excluded from mediation, and what to do instead; null when it may be mediated. */
export function exclusionMessage(category: MediationCategory): string | null {
  const x = MEDIATION_EXCLUSIONS[category];
  if (!x) return null;
  const police =
    category === 'CRIMINAL_OFFENCE'
      ? ' Hãy báo ngay cho Công an xã (chuyển tin qua handOverCrimeTip).'
      : ' Hãy chuyển cho cơ quan nhà nước có thẩm quyền giải quyết.';
  return `Không được hòa giải ở cơ sở: ${x.reasonVi} thuộc trường hợp loại trừ tại ${x.point} khoản 1 Điều 3 Luật Hòa giải ở cơ sở 2013.${police} Vụ việc không được ghi nhận.`;
}

export const mediationTeamKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  return defineKind({
    org,
    type: `${o.typePrefix}MediationTeam`,
    table: 'mediation_teams',
    slug: 'mediation-team',
    description: `A grassroots mediation team (tổ hòa giải) of a residential area on which members of the ${o.nameEn} (${o.nameVi}) sit, with members of other organizations.`,
    nounVi: 'tổ hòa giải',
    list: `${org}MediationTeams`,
    create: `register${o.typePrefix}MediationTeam`,
    fields: {
      areaId: field.unit({
        label: 'Khu dân cư',
        description: 'The residential area it serves (thôn, bản, tổ dân phố), valid on the day it was formed.',
        levels: ['RESIDENTIAL_AREA'],
      }),
      name: field.text({ label: 'Tên tổ hòa giải', description: 'Name, e.g. Tổ hòa giải bản Nà Sản.', max: 200 }),
      formedOn: field.date({ label: 'Ngày thành lập', description: 'Day it was formed (ngày thành lập); not in the future.' }),
      mediators: field.count({ label: 'Số hòa giải viên', description: 'Mediators on the team (hòa giải viên), 1 to 100.', min: 1, max: 100 }),
      womenMediators: field.count({ label: 'Số hòa giải viên nữ', description: 'Of them, women.', max: 100 }),
      ourMembers: field.count({ label: `Số hòa giải viên là hội viên ${o.nameVi}`, description: `Of them, members of the ${o.nameEn}.`, max: 100 }),
      partnerOrganizationIds: field.codes({
        label: 'Tổ chức cùng tham gia',
        description: 'Other organizations with members on the team, by id, e.g. front, women.',
        dbName: 'partner_organizations',
        allowed: (v) => isOrganizationId(v) && v !== org,
        unknownReason: 'UNKNOWN_ORGANIZATION',
        what: 'mã của các tổ chức khác tham gia Kế hoạch 155 (front, police, veterans, women, youth, labour, farmers, elderly, infocomm)',
      }),
      leaderName: field.text({
        label: 'Họ tên tổ trưởng',
        description: 'The team leader (tổ trưởng): personal data of a member.',
        max: 120,
        required: false,
        dataClass: 'PERSONAL',
      }),
      dissolvedOn: field.date({ label: 'Ngày giải thể', description: 'Day it was dissolved; null while active.', required: false }),
    },
    dateField: 'formedOn',
    unitField: 'areaId',
    check: (v, c) => {
      if (v.womenMediators > v.mediators)
        c.problems.add(c.at('womenMediators'), 'Số hòa giải viên nữ không được nhiều hơn số hòa giải viên.', 'MORE_THAN_TOTAL');
      if (v.ourMembers > v.mediators)
        c.problems.add(c.at('ourMembers'), 'Số hòa giải viên là hội viên không được nhiều hơn số hòa giải viên.', 'MORE_THAN_TOTAL');
      if (v.dissolvedOn && v.dissolvedOn < v.formedOn) c.problems.add(c.at('dissolvedOn'), 'Ngày giải thể trước ngày thành lập.', 'DATE_BEFORE_START');
    },
    example: {
      areaId: 'area:03730-01',
      name: 'Tổ hòa giải bản Nà Sản',
      formedOn: '2020-03-10',
      mediators: 5,
      womenMediators: 2,
      ourMembers: 1,
      partnerOrganizationIds: ['front'],
      leaderName: 'Lò Văn Thắng',
    },
    exampleChange: { mediators: 6 },
  });
});

export const mediationCaseKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const teams = () => mediationTeamKind(org);
  return defineKind({
    org,
    type: `${o.typePrefix}MediationCase`,
    table: 'mediation_cases',
    slug: 'mediation-case',
    description: `A matter mediated by a team with members of the ${o.nameEn} (${o.nameVi}): category, parties counted, result.`,
    nounVi: 'vụ việc hòa giải',
    list: `${org}MediationCases`,
    create: `record${o.typePrefix}MediationCase`,
    one: `${org}MediationCase`,
    fields: {
      teamId: field.record({ label: 'Tổ hòa giải', description: 'The team that mediates it.', kind: teams, unknownReason: 'UNKNOWN_TEAM' }),
      unitId: field.unit({ label: 'Khu dân cư', description: "The residential area where it arose: the team's.", levels: ['RESIDENTIAL_AREA'], derived: true }),
      receivedOn: field.date({
        label: 'Ngày tiếp nhận',
        description: 'Day it was received (ngày tiếp nhận); not in the future, not before the team was formed.',
      }),
      category: field.oneOf({
        label: 'Loại vụ việc',
        description: 'What it is about; an excluded category is refused (Article 3 of Law 35/2013/QH13).',
        enumType: 'MediationCategory',
        catalogue: MEDIATION_CATEGORIES,
        enumDeclared: true,
      }),
      parties: field.count({ label: 'Số bên tranh chấp', description: 'Number of parties (số bên), 2 or more, never their names.', min: 2, max: 1000 }),
      summary: field.text({ label: 'Tóm tắt vụ việc', description: 'Summary without names.', max: 1000, required: false }),
      result: field.oneOf({
        label: 'Kết quả hòa giải',
        description: 'Result so far (PENDING until there is one).',
        enumType: 'MediationResult',
        catalogue: MEDIATION_RESULTS,
        enumDeclared: true,
        required: false,
      }),
      resultOn: field.date({ label: 'Ngày có kết quả', description: 'Day of the result.', required: false }),
      transferredTo: field.text({ label: 'Cơ quan tiếp nhận', description: 'For TRANSFERRED: the authority it went to.', max: 200, required: false }),
      hotspotId: field.code({
        label: 'Mã điểm nóng',
        description:
          'The police hotspot this mediation handles, if the police listed one (the id reportHotspot returned), checked with the police when written.',
        required: false,
        ref: POLICE_HOTSPOT,
      }),
    },
    dateField: 'receivedOn',
    unitField: 'unitId',
    // A case is kept under its team's area; a case without a result yet is PENDING.
    derive: (v, c) => ({ unitId: v.teamId ? (c.lookup(teams(), v.teamId)?.areaId ?? undefined) : undefined, result: v.result ?? 'PENDING' }),
    check: (v, c) => {
      const excluded = exclusionMessage(v.category as MediationCategory);
      if (excluded)
        c.problems.add(
          c.at('category'),
          excluded,
          'EXCLUDED_FROM_MEDIATION',
          `${LAW_35_ARTICLE_3} ${MEDIATION_EXCLUSIONS[v.category as MediationCategory]!.point}`,
        );
      const team = c.lookup(teams(), v.teamId);
      if (team && v.receivedOn < (team.formedOn as string))
        c.problems.add(c.at('receivedOn'), `Ngày tiếp nhận trước ngày thành lập tổ hòa giải (${fmtDate(team.formedOn as string)}).`, 'DATE_BEFORE_START');
      if (team?.dissolvedOn && v.receivedOn > (team.dissolvedOn as string))
        c.problems.add(c.at('receivedOn'), `Tổ hòa giải đã giải thể ngày ${fmtDate(team.dissolvedOn as string)}.`, 'TEAM_DISSOLVED');
      const result = (v.result ?? 'PENDING') as MediationResult;
      if (result !== 'PENDING' && !v.resultOn) c.problems.add(c.at('resultOn'), 'Có kết quả thì phải ghi ngày có kết quả.', 'REQUIRED');
      if (result === 'PENDING' && v.resultOn) c.problems.add(c.at('resultOn'), 'Chưa có kết quả thì không ghi ngày có kết quả.', 'NO_RESULT');
      if (v.resultOn && v.resultOn < v.receivedOn) c.problems.add(c.at('resultOn'), 'Ngày có kết quả trước ngày tiếp nhận.', 'DATE_BEFORE_START');
      if (result === 'TRANSFERRED' && !v.transferredTo)
        c.problems.add(c.at('transferredTo'), 'Chuyển cơ quan có thẩm quyền thì phải ghi cơ quan tiếp nhận.', 'REQUIRED');
    },
    example: {
      teamId: '(made from the team kind)',
      receivedOn: '2021-04-01',
      category: 'LAND',
      parties: 2,
      summary: 'Tranh chấp ranh giới nương rẫy giữa hai hộ',
    },
    exampleChange: { result: 'SETTLED', resultOn: '2021-04-20' },
  });
});

export interface MediationSummary {
  teams: number;
  mediators: number;
  ourMembers: number;
  received: number;
  parties: number;
  byCategory: { category: MediationCategory; count: number }[];
  byResult: { result: MediationResult; count: number }[];
}

type Filter = { unitId: string; periodId: string; asRecordedAt?: string | null };

/** Teams active on the period's last day, and the matters received in the period, by category and by their result now. */
export function mediationSummary(teams: RecordRepository, cases: RecordRepository, f: Filter): MediationSummary {
  const t =
    teams.aggregate(f, 'count(*) AS n, coalesce(sum(mediators), 0) AS mediators, coalesce(sum(our_members), 0) AS ours', {
      dated: false,
      where: 'formed_on <= @to AND (dissolved_on IS NULL OR dissolved_on >= @to)',
    })[0] ?? {};
  const r = cases.aggregate(f, 'count(*) AS n, coalesce(sum(parties), 0) AS parties')[0] ?? {};
  const byCategory = new Map(cases.aggregate<{ k: string; n: number }>(f, 'category AS k, count(*) AS n', { groupBy: 'category' }).map((x) => [x.k, x.n]));
  const byResult = new Map(
    cases.aggregate<{ k: string; n: number }>(f, "coalesce(result, 'PENDING') AS k, count(*) AS n", { groupBy: 'k' }).map((x) => [x.k, x.n]),
  );
  return {
    teams: Number(t.n ?? 0),
    mediators: Number(t.mediators ?? 0),
    ourMembers: Number(t.ours ?? 0),
    received: Number(r.n ?? 0),
    parties: Number(r.parties ?? 0),
    byCategory: (Object.keys(MEDIATION_CATEGORIES) as MediationCategory[])
      .filter((k) => !MEDIATION_EXCLUSIONS[k])
      .map((category) => ({ category, count: byCategory.get(category) ?? 0 })),
    byResult: (Object.keys(MEDIATION_RESULTS) as MediationResult[]).map((result) => ({ result, count: byResult.get(result) ?? 0 })),
  };
}
