/** People of standing: personal details only for the Front's staff of the jurisdiction (or leadership granted personal data). */
import { forbidden, invalidInput, notFound } from '@antt/auth';
import { branchById, territory } from '@antt/reference';
import { pageSize, periodRange, recordsOf, unitOrJurisdiction, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { peopleOfStanding, type CoreForceRole, type NominationDecision } from '../kinds/index.js';
import { asArguments, countsBy, currentRecords, standingRecord } from '../records.js';

export interface NominationFields {
  fullName: string;
  birthYear: number;
  ethnicity?: string | null;
  unitId: string;
  role: CoreForceRole;
  nominatedOn: string;
}

/**
 * Personal details: the Front's own staff of the jurisdiction, or leadership granted personal data
 * (PERSONAL_DATA); the data classes then keep ethnicity (SENSITIVE_PERSONAL) to the Front's staff.
 * Null once the name or the year of birth was erased.
 */
function personal(r: StoredRecord, ctx: SubgraphContext) {
  const may = (ctx.scope.has('LEADERSHIP') && ctx.scope.has('PERSONAL_DATA')) || (ctx.scope.canWrite('front') && ctx.scope.coversUnit(r.unitId as string));
  if (!may || r.fullName == null || r.birthYear == null) return null;
  return { fullName: r.fullName, birthYear: r.birthYear, ethnicity: r.ethnicity };
}

const view = {
  personal: (r: StoredRecord, _: unknown, ctx: SubgraphContext) => personal(r, ctx),
  nominatedBy: (r: StoredRecord) => (r.branchId ? branchById(r.branchId) : null),
};

export const peopleResolvers = {
  PersonOfStanding: view,
  FrontUnitRecords: {
    peopleOfStandingCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId?: string | null }, ctx: SubgraphContext) => {
      const u = unitOrJurisdiction(ctx.scope, unitId);
      ctx.scope.assertCanReadAggregates('front', u);
      const { from, to } = periodRange('periodId', periodId);
      // By role and decision only: ethnicity is never a dimension (Decree 356/2025: sensitive data).
      return countsBy(ctx, peopleOfStanding, ctx.scope.visibleUnder(u), from, to, ['role', 'decision']);
    },
  },
  Query: {
    frontPeopleOfStanding: (
      _: unknown,
      a: { unitId?: string | null; role?: CoreForceRole | null; decision?: NominationDecision | null; first: number },
      ctx: SubgraphContext,
    ) => {
      const unitId = unitOrJurisdiction(ctx.scope, a.unitId);
      ctx.scope.assertCanReadRecords('front', unitId);
      pageSize('first', a.first, 500);
      return currentRecords(ctx, peopleOfStanding, {
        units: ctx.scope.visibleUnder(unitId),
        where: '(@role IS NULL OR role = @role) AND (@decision IS NULL OR decision = @decision)',
        params: { role: a.role ?? null, decision: a.decision ?? null },
        limit: a.first,
      });
    },
    frontPersonOfStanding: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => {
      const r = recordsOf(ctx, peopleOfStanding).byId(id);
      return r?.status === 'ACTIVE' ? r : null;
    },
  },
  Mutation: {
    nominateFrontPersonOfStanding: (_: unknown, { input }: { input: NominationFields }, ctx: SubgraphContext) => {
      const unit = territory().unit(input.unitId);
      if (unit && unit.level !== 'COMMUNE' && unit.level !== 'RESIDENTIAL_AREA')
        throw invalidInput('input.unitId', 'Người có uy tín được giới thiệu ở khu dân cư hoặc xã, phường.', 'NOT_A_GRASSROOTS_UNIT');
      return asArguments(() => recordsOf(ctx, peopleOfStanding).create({ ...input, decision: 'PENDING' }));
    },
    decideFrontPersonOfStanding: (
      _: unknown,
      { id, input }: { id: string; input: { decision: NominationDecision; decidedOn: string; note?: string | null } },
      ctx: SubgraphContext,
    ) => {
      const current = standingRecord(ctx, peopleOfStanding, id);
      if (!current || !ctx.scope.canWrite('front') || !ctx.scope.coversUnit(current.unitId as string)) {
        if (current && ctx.scope.canReadRecords('front') && ctx.scope.coversUnit(current.unitId as string))
          throw forbidden('Chỉ cán bộ Mặt trận được ghi quyết định về người có uy tín.');
        throw notFound(`Không tìm thấy người có uy tín ${id}.`);
      }
      if (current.decision !== 'PENDING') throw invalidInput('id', 'Việc giới thiệu này đã có quyết định.', 'ALREADY_DECIDED');
      if (input.decision === 'PENDING') throw invalidInput('input.decision', 'Quyết định phải là ACCEPTED hoặc DECLINED.', 'DECISION_REQUIRED');
      return asArguments(
        () =>
          recordsOf(ctx, peopleOfStanding).correct(
            id,
            { decision: input.decision, decidedOn: input.decidedOn, decisionNote: input.note ?? null, decidedBy: ctx.scope.identity.userId },
            'Ghi quyết định về việc giới thiệu người có uy tín',
          ),
        { decisionNote: 'note' },
      );
    },
  },
};
