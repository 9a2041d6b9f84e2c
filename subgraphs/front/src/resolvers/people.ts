/** People of standing: personal details only for the Front's staff of the jurisdiction (or leadership granted personal data). */
import type { Resolvers } from '../generated/resolvers.js';
import { authorize, enforce, forbidden, invalidInput, notFound } from '@antt/auth';
import { territory } from '@antt/reference';
import { inputNamed, periodRange, recordsOf, storedBranch, underArguments, unitOrJurisdiction, type SubgraphContext } from '@antt/subgraph-kit';
import { peopleOfStanding, type CoreForceRole } from '../kinds/index.js';
import { countsBy, currentPage, standingRecord } from '../records.js';

/** The longest page of people of standing. */
export const MAX_PEOPLE = 500;

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
function personal(r: Record<string, unknown>, ctx: SubgraphContext) {
  const p = ctx.scope.principal;
  const may = authorize.readClass(p, 'PERSONAL', 'front').allowed && (p.isProvincialLeadership || p.covers(String(r.unitId)));
  if (!may || r.fullName == null || r.birthYear == null) return null;
  return { fullName: r.fullName, birthYear: r.birthYear, ethnicity: r.ethnicity };
}

export const peopleResolvers: Resolvers = {
  PersonOfStanding: {
    personal: (r, _, ctx) => personal(r, ctx),
    nominatedBy: (r) => storedBranch(r.branchId),
  },
  FrontUnitRecords: {
    // asRecordedAt: the instant the figures' basis gives (subgraph-kit reports/basis-fields.ts).
    peopleOfStandingCounts: (p, { periodId, asRecordedAt }, ctx) => {
      const u = unitOrJurisdiction(ctx.scope, String(p.unitId));
      enforce(authorize.readCounts(ctx.scope.principal, { org: 'front' }, u));
      const { from, to } = periodRange('periodId', periodId);
      // By role and decision only: ethnicity is never a dimension (Decree 356/2025: sensitive data).
      return countsBy(ctx, peopleOfStanding, ctx.scope.visibleUnder(u), from, to, ['role', 'decision'], asRecordedAt ?? null);
    },
  },
  Query: {
    frontPeopleOfStanding: (_, a, ctx) => {
      const unitId = unitOrJurisdiction(ctx.scope, a.unitId);
      enforce(authorize.listRecords(ctx.scope.principal, { org: 'front' }, unitId));
      return currentPage(
        ctx,
        peopleOfStanding,
        {
          units: ctx.scope.visibleUnder(unitId),
          where: '(@role IS NULL OR role = @role) AND (@decision IS NULL OR decision = @decision)',
          params: { role: a.role ?? null, decision: a.decision ?? null },
        },
        { first: a.first, after: a.after, max: MAX_PEOPLE },
      );
    },
    frontPersonOfStanding: (_, { id }, ctx) => {
      const r = recordsOf(ctx, peopleOfStanding).byId(id);
      return r?.status === 'ACTIVE' ? r : null;
    },
  },
  Mutation: {
    nominateFrontPersonOfStanding: (_, { input }, ctx) => {
      const unit = territory().unit(input.unitId);
      if (unit && unit.level !== 'COMMUNE' && unit.level !== 'RESIDENTIAL_AREA')
        throw invalidInput('input.unitId', 'Người có uy tín được giới thiệu ở khu dân cư hoặc xã, phường.', 'NOT_A_GRASSROOTS_UNIT');
      return underArguments(inputNamed(), () => recordsOf(ctx, peopleOfStanding).create({ ...input, decision: 'PENDING' }));
    },
    decideFrontPersonOfStanding: (_, { id, input }, ctx) => {
      const current = standingRecord(ctx, peopleOfStanding, id);
      const p = ctx.scope.principal;
      if (!current || !authorize.write(p, 'front', String(current.unitId)).allowed) {
        if (current && authorize.readRecord(p, { org: 'front' }, String(current.unitId)).allowed)
          throw forbidden('Chỉ cán bộ Mặt trận được ghi quyết định về người có uy tín.');
        throw notFound(`Không tìm thấy người có uy tín ${id}.`);
      }
      if (current.decision !== 'PENDING') throw invalidInput('id', 'Việc giới thiệu này đã có quyết định.', 'ALREADY_DECIDED');
      if (input.decision === 'PENDING') throw invalidInput('input.decision', 'Quyết định phải là ACCEPTED hoặc DECLINED.', 'DECISION_REQUIRED');
      return underArguments(inputNamed({ decisionNote: 'note' }), () =>
        recordsOf(ctx, peopleOfStanding).correct(
          id,
          { decision: input.decision, decidedOn: input.decidedOn, decisionNote: input.note ?? null, decidedBy: ctx.scope.identity.userId },
          'Ghi quyết định về việc giới thiệu người có uy tín',
        ),
      );
    },
  },
};
