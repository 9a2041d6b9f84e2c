/** Resolvers of the standard "An toàn về ANTT": register, criteria, assessments, indicators. */
import { territory } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import {
  StandardRepository,
  windowOf,
  type AssessmentRow,
  type EstablishmentRow,
  type IndicatorsView,
  type RecordAssessmentInput,
} from '../data/standard-repository.js';
import { outOfScopeReason, type SubjectKind } from '../legal/criteria.js';
import { todayInVietnam } from '@antt/reference';

const repo = (ctx: SubgraphContext) => ctx.repo(StandardRepository);
const currentYear = () => Number(todayInVietnam().slice(0, 4));

export const standardResolvers = {
  Query: {
    policeEstablishments: (_: unknown, a: { unitId?: string; kind?: string; inScopeOnly?: boolean }, ctx: SubgraphContext) =>
      repo(ctx).establishments(a.unitId, a.kind, a.inScopeOnly ?? false),
    policeCriteriaSets: (_: unknown, __: unknown, ctx: SubgraphContext) => repo(ctx).criteriaSets(),
    policeCriteriaSet: (_: unknown, a: { subjectKind: SubjectKind; year: number }, ctx: SubgraphContext) => repo(ctx).criteriaSet(a.subjectKind, a.year),
    policeUnitAssessment: (_: unknown, a: { unitId: string; year: number }, ctx: SubgraphContext) => repo(ctx).assessmentForUnit(a.unitId, a.year),
  },
  Mutation: {
    registerEstablishment: (
      _: unknown,
      a: { name: string; kind: string; subKind: string; unitId: string; managedBy: 'PROVINCE' | 'COMMUNE' },
      ctx: SubgraphContext,
    ) => repo(ctx).registerEstablishment(a.name, a.kind, a.subKind, a.unitId, a.managedBy),
    recordStandardAssessment: (_: unknown, { input }: { input: RecordAssessmentInput }, ctx: SubgraphContext) => repo(ctx).recordAssessment(input),
    recognizeStandardAssessment: (_: unknown, a: { id: string; decisionNumber: string; decidedOn: string; authority: string }, ctx: SubgraphContext) =>
      repo(ctx).recognize(Number(a.id) || 0, a.decisionNumber, a.decidedOn, a.authority),
    addProvincialCriterion: (_: unknown, a: { subjectKind: SubjectKind; textVi: string; textEn: string; fromYear: number }, ctx: SubgraphContext) =>
      repo(ctx).addProvincialCriterion(a.subjectKind, a.textVi, a.textEn, a.fromYear),
  },
  Establishment: {
    // Reached from another subgraph (the labour federation's records): the same check as the root field.
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => repo(ctx).establishment(ref.id),
    unit: (e: EstablishmentRow) => territory().unit(e.unitId),
    inScope: (e: EstablishmentRow) => outOfScopeReason(e.subKind, currentYear()) === null,
    outOfScopeReason: (e: EstablishmentRow) => outOfScopeReason(e.subKind, currentYear()),
    assessment: (e: EstablishmentRow, { year }: { year: number }, ctx: SubgraphContext) => repo(ctx).assessmentForEstablishment(e, year),
  },
  StandardAssessment: {
    id: (a: AssessmentRow) => String(a.id),
    period: (a: AssessmentRow) => {
      const p = windowOf(a.subjectKind as SubjectKind, a.year);
      return { ...p, label: p.labelVi };
    },
    unit: (a: AssessmentRow) => (a.establishmentId ? null : territory().unit(a.unitId)),
    establishment: (a: AssessmentRow, _: unknown, ctx: SubgraphContext) => (a.establishmentId ? repo(ctx).establishment(a.establishmentId) : null),
    criteriaSet: (a: AssessmentRow, _: unknown, ctx: SubgraphContext) => repo(ctx).criteriaSetById(a.criteriaSetId, a.year),
    householdsRegisteredShare: (a: AssessmentRow) => (a.householdsTotal ? (a.householdsRegistered ?? 0) / a.householdsTotal : null),
    criteria: (a: AssessmentRow, _: unknown, ctx: SubgraphContext) => repo(ctx).criteriaResults(a),
    result: (a: AssessmentRow, _: unknown, ctx: SubgraphContext) => repo(ctx).result(a),
    recognition: (a: AssessmentRow) => (a.decisionNumber ? { decisionNumber: a.decisionNumber, decidedOn: a.decidedOn, authority: a.authority } : null),
  },
  StandardIndicators: {
    unit: (i: IndicatorsView) => territory().unit(i.unitId),
  },
  PoliceUnitRecords: {
    standardIndicators: ({ unitId }: { unitId: string }, { year }: { year: number }, ctx: SubgraphContext) => repo(ctx).indicators(unitId, year),
    standardBreakdown: ({ unitId }: { unitId: string }, a: { year: number; view: 'AS_RECORDED' | 'TODAY_MAP' }, ctx: SubgraphContext) =>
      repo(ctx).breakdown(unitId, a.year, a.view),
  },
};
