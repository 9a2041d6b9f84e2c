/**
 * Help for people at risk of offending and for people who erred (người lầm lỗi): what was given, to how
 * many, by whom. The people helped are counted, never named.
 */
import { ORGANIZATIONS } from '@antt/reference';
import { defineKind, field, type RecordRepository, perOrganization } from '@antt/subgraph-kit';
import { HELP_KINDS, SUPPORTED_GROUPS, type HelpKind, type SupportedGroup } from '../catalogues.js';

export const atRiskSupportKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  return defineKind({
    org,
    type: `${o.typePrefix}AtRiskSupport`,
    table: 'at_risk_supports',
    slug: 'at-risk-support',
    description: `Help the ${o.nameEn} (${o.nameVi}) gave to people at risk of offending or to people who erred (giúp đỡ người có nguy cơ, người lầm lỗi): what, to how many, by whom. The people are counted, never named.`,
    nounVi: 'việc giúp đỡ',
    list: `${org}AtRiskSupports`,
    create: `record${o.typePrefix}AtRiskSupport`,
    fields: {
      date: field.date({ label: 'Ngày giúp đỡ', description: 'Day it was given (ngày giúp đỡ); not in the future.' }),
      unitId: field.unit({ label: 'Địa bàn', description: 'Commune or residential area, as it was on that day.', levels: ['COMMUNE', 'RESIDENTIAL_AREA'] }),
      supportedGroup: field.oneOf({
        label: 'Đối tượng được giúp đỡ',
        description: 'Whom it went to (đối tượng).',
        enumType: 'SupportedGroup',
        catalogue: SUPPORTED_GROUPS,
        enumDeclared: true,
      }),
      help: field.setOf({
        label: 'Hình thức hỗ trợ',
        description: 'What was given (hình thức hỗ trợ); at least one kind.',
        enumType: 'HelpKind',
        catalogue: HELP_KINDS,
        enumDeclared: true,
        min: 1,
      }),
      peopleHelped: field.count({
        label: 'Số người được giúp đỡ',
        description: 'How many people were helped, 1 or more (counted, never named).',
        min: 1,
        max: 10_000,
      }),
      givenBy: field.text({ label: 'Người, tổ chức giúp đỡ', description: 'Who gave it: a branch, a member, a partner (giúp đỡ bởi ai).', max: 200 }),
      note: field.text({ label: 'Ghi chú', description: 'Free-text note, without the names of the people helped.', max: 2000, required: false }),
    },
    dateField: 'date',
    unitField: 'unitId',
    branch: true,
    example: {
      date: '2021-04-01',
      unitId: 'commune:03730@2019',
      supportedGroup: 'AT_RISK',
      help: ['JOB', 'COUNSELLING'],
      peopleHelped: 2,
      givenBy: 'Chi hội bản Nà Sản',
    },
    exampleChange: { peopleHelped: 3 },
  });
});

export interface AtRiskSupportSummary {
  records: number;
  peopleHelped: number;
  byGroup: { group: SupportedGroup; records: number; people: number }[];
  help: { kind: HelpKind; count: number }[];
}

const HELP_SUMS = Object.keys(HELP_KINDS)
  .map((k) => `coalesce(sum(help LIKE '%"${k}"%'), 0) AS ${k}`)
  .join(', ');

/** Records, people helped, by group and by kind of help, in a unit and period (current versions, voided ones excluded). */
export function atRiskSummary(repo: RecordRepository, f: { unitId: string; periodId: string; asRecordedAt?: string | null }): AtRiskSupportSummary {
  const t = repo.aggregate(f, `count(*) AS n, coalesce(sum(people_helped), 0) AS people, ${HELP_SUMS}`)[0] ?? {};
  const groups = new Map(
    repo
      .aggregate<{ g: string; n: number; people: number }>(f, 'supported_group AS g, count(*) AS n, coalesce(sum(people_helped), 0) AS people', {
        groupBy: 'supported_group',
      })
      .map((r) => [r.g, r]),
  );
  return {
    records: Number(t.n ?? 0),
    peopleHelped: Number(t.people ?? 0),
    byGroup: (Object.keys(SUPPORTED_GROUPS) as SupportedGroup[]).map((group) => ({
      group,
      records: groups.get(group)?.n ?? 0,
      people: groups.get(group)?.people ?? 0,
    })),
    help: (Object.keys(HELP_KINDS) as HelpKind[]).map((kind) => ({ kind, count: Number(t[kind] ?? 0) })),
  };
}
