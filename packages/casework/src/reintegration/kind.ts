/**
 * Support a member organization gives to people reintegrating after a prison sentence (Decree
 * 49/2020/NĐ-CP), and its visits. The person is known only by the police's pseudonymous case id: no
 * name, no criminal history is ever stored here.
 */
import { ORGANIZATIONS } from '@antt/reference';
import { defineKind, field, fmtDate, type RecordRepository, perOrganization } from '@antt/subgraph-kit';
import {
  HELP_KINDS,
  REINTEGRATION_OUTCOMES,
  REINTEGRATION_SUPPORTER_KINDS,
  type HelpKind,
  type ReintegrationOutcome,
  type ReintegrationSupporterKind,
} from '../catalogues.js';

export const reintegrationSupportKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  return defineKind({
    org,
    type: `${o.typePrefix}ReintegrationSupport`,
    table: 'reintegration_supports',
    slug: 'reintegration-support',
    description: `Support the ${o.nameEn} (${o.nameVi}) gives to a person reintegrating after a prison sentence: the mentor or inter-household group assigned, visits, help given, outcome. The person is known here only by the police's pseudonymous case id and the commune.`,
    nounVi: 'việc giúp đỡ người tái hòa nhập',
    list: `${org}ReintegrationSupports`,
    create: `assign${o.typePrefix}ReintegrationSupport`,
    one: `${org}ReintegrationSupport`,
    filters: ['caseId'],
    fields: {
      caseId: field.code({
        label: 'Mã hồ sơ tái hòa nhập',
        description:
          'Pseudonymous case id from the commune police (mã hồ sơ), e.g. DEMO-TH-0001: a case the police registered (recordPoliceReintegrationCase).',
        ref: { owner: 'police', table: 'reintegration_cases', nounVi: 'hồ sơ tái hòa nhập của Công an' },
      }),
      communeId: field.unit({
        label: 'Xã nơi cư trú',
        description: 'Commune where the person lives, as the commune was when support was assigned.',
        levels: ['COMMUNE'],
      }),
      assignedOn: field.date({ label: 'Ngày phân công', description: 'Day the support was assigned (ngày phân công); not in the future.' }),
      supporterKind: field.oneOf({
        label: 'Hình thức giúp đỡ',
        description: 'Mentor or inter-household group.',
        enumType: 'ReintegrationSupporterKind',
        catalogue: REINTEGRATION_SUPPORTER_KINDS,
        enumDeclared: true,
      }),
      mentorName: field.text({
        label: 'Họ tên người kèm cặp',
        description: `The member assigned as mentor (required for MENTOR): personal data of a member, shown to the ${o.nameEn}'s own staff only.`,
        max: 120,
        required: false,
        dataClass: 'PERSONAL',
      }),
      groupName: field.text({
        label: 'Tên nhóm liên gia tự quản',
        description: 'The self-managed inter-household group assigned (Nhóm liên gia tự quản; required for INTER_HOUSEHOLD_GROUP).',
        max: 200,
        required: false,
      }),
      outcome: field.oneOf({
        label: 'Kết quả giúp đỡ',
        description: 'How the support ended; null while it goes on.',
        enumType: 'ReintegrationOutcome',
        catalogue: REINTEGRATION_OUTCOMES,
        enumDeclared: true,
        required: false,
      }),
      outcomeOn: field.date({ label: 'Ngày có kết quả', description: 'Day the outcome was recorded.', required: false }),
      note: field.text({ label: 'Ghi chú', description: "Free-text note, without the person's name.", max: 2000, required: false }),
    },
    dateField: 'assignedOn',
    unitField: 'communeId',
    branch: true,
    check: (v, c) => {
      if (v.supporterKind === 'MENTOR' && !v.mentorName)
        c.problems.add(c.at('mentorName'), 'Giúp đỡ bằng người kèm cặp thì phải ghi họ tên người kèm cặp.', 'REQUIRED');
      if (v.supporterKind === 'INTER_HOUSEHOLD_GROUP' && !v.groupName)
        c.problems.add(c.at('groupName'), 'Giúp đỡ bằng nhóm liên gia tự quản thì phải ghi tên nhóm.', 'REQUIRED');
      if (v.supporterKind !== 'MENTOR' && v.mentorName)
        c.problems.add(c.at('mentorName'), 'Chỉ ghi họ tên người kèm cặp khi giúp đỡ bằng người kèm cặp.', 'NOT_A_MENTOR');
      if (!!v.outcome !== !!v.outcomeOn)
        c.problems.add(c.at(v.outcome ? 'outcomeOn' : 'outcome'), 'Kết quả và ngày có kết quả phải ghi cùng nhau.', 'REQUIRED');
      if (v.outcomeOn && v.outcomeOn < v.assignedOn)
        c.problems.add(c.at('outcomeOn'), `Ngày có kết quả trước ngày phân công (${fmtDate(v.assignedOn)}).`, 'DATE_BEFORE_START');
    },
    // One open support of a case at a time in an organization: record the outcome of the first before assigning again.
    unique: {
      field: 'caseId',
      key: (v) => (v.outcome ? null : `open:${v.caseId}`),
      message: (id) => `Hồ sơ này đang được ${o.nameVi} giúp đỡ (bản ghi ${id}): ghi kết quả của lần giúp đỡ đó trước khi phân công lại.`,
      reason: 'ALREADY_SUPPORTED',
    },
    example: { caseId: 'DEMO-TH-0001', communeId: 'commune:03730@2019', assignedOn: '2021-03-02', supporterKind: 'MENTOR', mentorName: 'Lò Văn Thắng' },
    exampleChange: { outcome: 'STABLE', outcomeOn: '2021-11-30' },
  });
});

export const reintegrationVisitKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const supports = () => reintegrationSupportKind(org);
  return defineKind({
    org,
    type: `${o.typePrefix}ReintegrationVisit`,
    table: 'reintegration_visits',
    slug: 'reintegration-visit',
    description: `One visit of the ${o.nameEn} to a person being supported, and the help given (lần thăm, giúp đỡ).`,
    nounVi: 'lần thăm, giúp đỡ',
    list: `${org}ReintegrationVisits`,
    create: `add${o.typePrefix}ReintegrationVisit`,
    fields: {
      supportId: field.record({
        label: 'Việc giúp đỡ',
        description: 'The support this visit belongs to.',
        kind: supports,
        children: { field: 'visits', description: 'Visits and help given, oldest first.' },
      }),
      communeId: field.unit({ label: 'Xã nơi cư trú', description: "The commune of the support (the person's).", levels: ['COMMUNE'], derived: true }),
      visitedOn: field.date({ label: 'Ngày thăm, giúp đỡ', description: 'Day of the visit; not before the support was assigned, not after it ended.' }),
      help: field.setOf({
        label: 'Hình thức hỗ trợ',
        description: 'Help given on that visit; empty for a visit of encouragement only.',
        enumType: 'HelpKind',
        catalogue: HELP_KINDS,
        enumDeclared: true,
      }),
      note: field.text({ label: 'Ghi chú', description: "Free-text note, without the person's name.", max: 2000, required: false }),
    },
    dateField: 'visitedOn',
    unitField: 'communeId',
    derive: (v, c) => ({ communeId: v.supportId ? (c.lookup(supports(), v.supportId)?.communeId ?? undefined) : undefined }),
    check: (v, c) => {
      const s = c.lookup(supports(), v.supportId);
      if (!s) return;
      if (v.visitedOn < (s.assignedOn as string))
        c.problems.add(c.at('visitedOn'), `Ngày thăm trước ngày phân công giúp đỡ (${fmtDate(s.assignedOn as string)}).`, 'DATE_BEFORE_START');
      if (s.outcomeOn && v.visitedOn > (s.outcomeOn as string))
        c.problems.add(
          c.at('visitedOn'),
          `Việc giúp đỡ đã kết thúc ngày ${fmtDate(s.outcomeOn as string)}: không ghi thêm lần thăm sau ngày đó.`,
          'SUPPORT_CLOSED',
        );
    },
    example: { supportId: '(made from the support kind)', visitedOn: '2021-04-10', help: ['JOB', 'LOAN'] },
    exampleChange: { help: ['JOB'] },
  });
});

export interface ReintegrationSummary {
  casesSupported: number;
  newAssignments: number;
  supporters: { kind: ReintegrationSupporterKind; cases: number }[];
  visits: number;
  help: { kind: HelpKind; count: number }[];
  outcomes: { outcome: ReintegrationOutcome; count: number }[];
}

const HELP_SUMS = Object.keys(HELP_KINDS)
  .map((k) => `coalesce(sum(help LIKE '%"${k}"%'), 0) AS ${k}`)
  .join(', ');

/** A case counts as supported in a period when its support began before the period ended and had not ended before it began. */
const ACTIVE = 'assigned_on <= @to AND (outcome_on IS NULL OR outcome_on >= @from)';

export function reintegrationSummary(
  supports: RecordRepository,
  visits: RecordRepository,
  f: { unitId: string; periodId: string; asRecordedAt?: string | null },
): ReintegrationSummary {
  const cases = supports.aggregate(f, 'count(DISTINCT case_id) AS n', { dated: false, where: ACTIVE })[0]?.n ?? 0;
  const byKind = new Map(
    supports
      .aggregate<{ k: string; n: number }>(f, 'supporter_kind AS k, count(DISTINCT case_id) AS n', { dated: false, where: ACTIVE, groupBy: 'supporter_kind' })
      .map((r) => [r.k, r.n]),
  );
  const outcomes = new Map(
    supports
      .aggregate<{ k: string; n: number }>(f, 'outcome AS k, count(*) AS n', { dated: false, where: 'outcome_on BETWEEN @from AND @to', groupBy: 'outcome' })
      .map((r) => [r.k, r.n]),
  );
  const v = visits.aggregate(f, `count(*) AS n, ${HELP_SUMS}`)[0] ?? {};
  return {
    casesSupported: Number(cases),
    newAssignments: Number(supports.aggregate(f, 'count(*) AS n')[0]?.n ?? 0),
    supporters: (Object.keys(REINTEGRATION_SUPPORTER_KINDS) as ReintegrationSupporterKind[]).map((kind) => ({ kind, cases: byKind.get(kind) ?? 0 })),
    visits: Number(v.n ?? 0),
    help: (Object.keys(HELP_KINDS) as HelpKind[]).map((kind) => ({ kind, count: Number(v[kind] ?? 0) })),
    outcomes: (Object.keys(REINTEGRATION_OUTCOMES) as ReintegrationOutcome[]).map((outcome) => ({ outcome, count: outcomes.get(outcome) ?? 0 })),
  };
}
