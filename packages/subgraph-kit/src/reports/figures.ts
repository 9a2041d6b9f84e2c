/**
 * A branch's figures for a period, by section of the plan (II.1–II.7), read from the organization's own
 * kinds of record (the subgraph's `kinds`, each counted with the framework's aggregate over the same
 * window, time reading and exclusion of voided records as every count): per kind, how many records are
 * dated in the period, the totals of its count fields, and a breakdown by its catalogue (activities by
 * kind, forums by kind, mediation by result...). A kind's section comes from SECTION_OF_SLUG; an activity's
 * from its kind.
 */
import { Scope } from '@antt/auth';
import { PLAN_TASKS, territory, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import type { RecordKind } from '../records/kind.js';
import { RecordRepository } from '../records/repository.js';
import { columnOf } from '../records/fields.js';

export const PLAN_SECTIONS = ['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** The section of the plan a kind's records report under (by the kind's slug); others: the organization's own duties, II.5. */
export const SECTION_OF_SLUG: Readonly<Record<string, PlanSection>> = {
  plan: 'II.1',
  'implementing-plan': 'II.1',
  'steering-consolidation': 'II.1',
  'steering-member': 'II.1',
  'steering-meeting': 'II.1',
  'steering-decision': 'II.1',
  'plan-task': 'II.1',
  'plan447-result': 'II.1',
  'legal-session': 'II.2',
  'media-item': 'II.2',
  'online-warning': 'II.2',
  bulletin: 'II.2',
  'key-area': 'II.3',
  'reintegration-support': 'II.3',
  'reintegration-visit': 'II.3',
  'reintegration-case': 'II.3',
  patrol: 'II.3',
  'boarding-house': 'II.3',
  'boarding-house-check': 'II.3',
  forum: 'II.4',
  opinion: 'II.4',
  tip: 'II.4',
  'tip-handover': 'II.4',
  hotspot: 'II.4',
  'mediation-team': 'II.4',
  'mediation-case': 'II.4',
  dispute: 'II.4',
  'crime-forum': 'II.4',
  'condemnation-forum': 'II.4',
  'at-risk-support': 'II.5',
  campaign: 'II.5',
  'social-issue-action': 'II.5',
  'family-pledge': 'II.5',
  participation: 'II.5',
  'protection-case': 'II.5',
  model: 'II.6',
  'model-replica': 'II.6',
  review: 'II.6',
  'core-force': 'II.6',
  'core-team': 'II.6',
  team: 'II.6',
  training: 'II.6',
  'good-example': 'II.6',
  'person-of-standing': 'II.6',
  inspection: 'II.7',
  commendation: 'II.7',
  assessment: 'II.7',
  criterion: 'II.7',
  establishment: 'II.7',
};

/** Activities report under the section their kind serves. */
const SECTION_OF_ACTIVITY: Readonly<Record<string, PlanSection>> = {
  PROPAGANDA: 'II.2',
  FESTIVAL_DAY_19_AUGUST: 'II.2',
  GREAT_UNITY_DAY_18_NOVEMBER: 'II.2',
  TRAINING: 'II.6',
  FORUM: 'II.4',
  PATROL: 'II.3',
  MEETING: 'II.1',
  CAMPAIGN: 'II.5',
  INSPECTION: 'II.7',
  REVIEW: 'II.7',
};

/** One figure: a count or a total of one kind of record in the period. */
export interface ReportFigure {
  /** Stable key: `<Type>.count`, `<Type>.<field>` (a total), `<Type>.<field>.<VALUE>` (a breakdown). */
  key: string;
  /** The record type counted, e.g. VeteransPatrol. */
  kind: string;
  labelVi: string;
  value: number;
  /** What the count stands for, in words, when the kind says (`reportDetail`): the decisions of a consolidation. */
  detailVi?: string;
}

export interface ReportSection {
  id: PlanSection;
  titleVi: string;
  titleEn: string;
  figures: ReportFigure[];
}

export function emptySections(): ReportSection[] {
  return PLAN_SECTIONS.map((id) => {
    const t = PLAN_TASKS.find((x) => x.id === id);
    return { id, titleVi: t?.titleVi ?? id, titleEn: t?.titleEn ?? id, figures: [] };
  });
}

/** Whether a kind is one of the reports module's own (they are not figures of a report). */
export function isReportKind(kind: RecordKind): boolean {
  return kind.spec.slug === 'report';
}

/** The organization's provincial staff, as whom figures are counted (the report is read under readSubmittedReport). */
export function reportingScope(org: OrganizationId): Scope {
  return new Scope({ userId: 'reports', name: 'Báo cáo định kỳ', organization: org, unitId: territory().provinceId, roles: ['STAFF'] });
}

/** The breakdown field of a kind: its counts' `by`, else its first enum field. */
function breakdownField(kind: RecordKind): string | null {
  const by = kind.spec.counts?.by?.field;
  if (by) return by;
  const e = Object.entries(kind.spec.fields).find(([, f]) => f.type === 'enum' && !f.dataClass);
  return e ? e[0] : null;
}

/**
 * The figures of a unit (and everything below it) for a period, as the graph held them at `asRecordedAt`
 * (null: now), by section of the plan.
 */
export function computeFigures(
  db: Db,
  org: OrganizationId,
  kinds: readonly RecordKind[],
  unitId: string,
  periodId: string,
  asRecordedAt: string | null,
): ReportSection[] {
  const scope = reportingScope(org);
  const sections = emptySections();
  const put = (s: PlanSection, f: ReportFigure) => sections.find((x) => x.id === s)!.figures.push(f);
  for (const kind of kinds) {
    if (isReportKind(kind) || kind.spec.org !== org) continue;
    const s = kind.spec;
    const repo = new RecordRepository(kind, db, scope);
    const section = SECTION_OF_SLUG[s.slug] ?? 'II.5';
    const sums = Object.entries(s.fields).filter(([, f]) => f.type === 'count' && !f.dataClass && !f.derived);
    const select = ['count(*) AS n', ...sums.map(([k, f]) => `coalesce(sum(${columnOf(k, f)}), 0) AS "${k}"`)].join(', ');
    const filter = { unitId, periodId, asRecordedAt };
    const [row] = repo.aggregate<Record<string, number>>(filter, select);
    if (s.slug !== 'activity') {
      const detail = s.reportDetail?.(
        repo
          .aggregate<Record<string, unknown>>(filter, '*', { records: true, orderBy: columnOf(s.dateField, s.fields[s.dateField]), limit: 50 })
          .map((r) => repo.toRecord(r)),
      );
      put(section, { key: `${s.type}.count`, kind: s.type, labelVi: `Số ${s.nounVi}`, value: Number(row?.n ?? 0), ...(detail ? { detailVi: detail } : {}) });
      for (const [k, f] of sums)
        put(section, { key: `${s.type}.${k}`, kind: s.type, labelVi: `${s.nounVi}: tổng ${f.label.toLowerCase()}`, value: Number(row?.[k] ?? 0) });
    }
    const by = breakdownField(kind);
    if (!by) continue;
    const f = s.fields[by]!;
    const col = columnOf(by, f);
    const rows = repo.aggregate<{ k: string; n: number } & Record<string, number>>(filter, `${col} AS k, ${select}`, { groupBy: col });
    const byKey = new Map(rows.map((r) => [r.k, r]));
    for (const [value, description] of Object.entries(f.catalogue ?? {})) {
      const r = byKey.get(value);
      const target = s.slug === 'activity' ? (SECTION_OF_ACTIVITY[value] ?? 'II.2') : section;
      const name = description.replace(/\s*\(.*$/, '');
      const vi = /\(([^)]*)\)/.exec(description)?.[1] ?? name;
      put(target, { key: `${s.type}.${by}.${value}`, kind: s.type, labelVi: `${s.nounVi} – ${vi}`, value: Number(r?.n ?? 0) });
      if (s.slug === 'activity')
        for (const [k, sf] of sums)
          put(target, {
            key: `${s.type}.${by}.${value}.${k}`,
            kind: s.type,
            labelVi: `${s.nounVi} – ${vi}: ${sf.label.toLowerCase()}`,
            value: Number(r?.[k] ?? 0),
          });
    }
  }
  return sections;
}

/** Adds figures of several reports key by key (a unit's part of a consolidated report). */
export function addSections(parts: readonly ReportSection[][]): ReportSection[] {
  const out = emptySections();
  for (const part of parts)
    for (const s of part) {
      const target = out.find((x) => x.id === s.id)!;
      for (const f of s.figures) {
        const have = target.figures.find((x) => x.key === f.key);
        if (have) {
          have.value += f.value;
          // Units' details side by side (each names its own decisions), the same words once.
          if (f.detailVi && have.detailVi !== f.detailVi) have.detailVi = have.detailVi ? `${have.detailVi}; ${f.detailVi}` : f.detailVi;
        } else target.figures.push({ ...f });
      }
    }
  return out;
}
