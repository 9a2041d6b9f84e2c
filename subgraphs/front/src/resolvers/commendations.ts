/**
 * Commendations: any organization's staff propose one for a unit, a branch or a person in their
 * jurisdiction; the Front's staff record the decision. The Front's staff and leadership read every
 * commendation; another organization's staff read the ones it proposed. The records are the
 * FrontCommendation kind; Commendation shows them as before, `status` being where the commendation stands.
 */
import type { Resolvers } from '../generated/resolvers.js';
import { authorize, enforce, forbidden, invalidInput, notFound } from '@antt/auth';
import { branchById, ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import { inputNamed, periodRange, storedCode, storedUnit, underArguments, unitOrJurisdiction, type SubgraphContext } from '@antt/subgraph-kit';
import { COMMENDATION_STATUSES, commendations, type CommendationForm, type CommendationStatus } from '../kinds/index.js';
import { countsBy, currentPage, standingRecord, writerFor } from '../records.js';

/** The longest page of commendations. */
export const MAX_COMMENDATIONS = 500;

export interface ProposalFields {
  recipientKind: 'UNIT' | 'BRANCH' | 'PERSON';
  recipientUnitId?: string | null;
  recipientBranchId?: string | null;
  recipientName?: string | null;
  achievement: string;
  form: CommendationForm;
  proposedOn: string;
}

export interface DecisionFields {
  status: CommendationStatus;
  decisionNumber?: string | null;
  decidedOn: string;
  issuingAuthority?: string | null;
  form?: CommendationForm | null;
  note?: string | null;
}

/** A proposal as the Front keeps it: for a branch, the unit is the branch's. */
export function proposalInput(f: ProposalFields, proposer: OrganizationId): Record<string, unknown> {
  let unitId = f.recipientUnitId ?? null;
  if (f.recipientKind === 'BRANCH' && f.recipientBranchId) {
    const b = branchById(f.recipientBranchId);
    if (!b) throw invalidInput('input.recipientBranchId', 'Không có cấp tổ chức này.', 'UNKNOWN_BRANCH');
    if (unitId && unitId !== b.unitId)
      throw invalidInput(
        'input.recipientUnitId',
        `${b.name} ở đơn vị ${territory().unit(b.unitId)?.name ?? b.unitId}; bỏ trống recipientUnitId hoặc ghi đúng đơn vị.`,
        'UNIT_NOT_OF_BRANCH',
      );
    unitId = b.unitId;
  }
  return { ...f, recipientUnitId: unitId, proposedByOrg: proposer, awardStatus: 'PROPOSED' };
}

function canRead(ctx: SubgraphContext, r: Record<string, unknown>): boolean {
  const p = ctx.scope.principal;
  if (!p.covers(String(r.recipientUnitId))) return false;
  return authorize.readRecord(p, { org: 'front' }).allowed || (p.staffOf !== null && p.staffOf === r.proposedByOrg);
}

function readable(ctx: SubgraphContext, id: string): Record<string, unknown> | null {
  const r = standingRecord(ctx, commendations, id);
  return r && canRead(ctx, r) ? r : null;
}

export const commendationResolvers: Resolvers = {
  Commendation: {
    __resolveReference: (ref, ctx) => readable(ctx, ref.id),
    status: (r) => storedCode(COMMENDATION_STATUSES, r.awardStatus),
    recipientUnit: (r) => storedUnit(r.recipientUnitId),
    recipientBranch: (r) => (r.recipientBranchId ? (branchById(String(r.recipientBranchId)) ?? null) : null),
    proposedBy: (r) => ORGANIZATIONS[storedCode(ORGANIZATIONS, r.proposedByOrg)],
  },
  FrontUnitRecords: {
    // asRecordedAt: the instant the figures' basis gives (subgraph-kit reports/basis-fields.ts).
    commendationCounts: (p, { periodId, asRecordedAt }, ctx) => {
      const u = unitOrJurisdiction(ctx.scope, String(p.unitId));
      enforce(authorize.readCounts(ctx.scope.principal, { org: 'front' }, u));
      const { from, to } = periodRange('periodId', periodId);
      return countsBy(ctx, commendations, ctx.scope.visibleUnder(u), from, to, ['form', 'awardStatus'], asRecordedAt ?? null).map(({ awardStatus, ...c }) => ({
        ...c,
        status: storedCode(COMMENDATION_STATUSES, awardStatus),
      }));
    },
  },
  Query: {
    /** The Front's staff and leadership see every commendation; another organization's staff see only their own proposals. */
    frontCommendations: (_, a, ctx) => {
      const unitId = unitOrJurisdiction(ctx.scope, a.unitId);
      let proposedBy = a.proposedBy ?? null;
      if (!authorize.readRecord(ctx.scope.principal, { org: 'front' }).allowed) {
        const own = ctx.scope.principal.staffOf;
        if (!own) throw forbidden('Bạn không có quyền xem hồ sơ khen thưởng.');
        if (proposedBy !== null && proposedBy !== own) throw forbidden('Bạn chỉ xem được các đề nghị khen thưởng của tổ chức mình.');
        proposedBy = own;
      }
      if (!ctx.scope.principal.covers(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
      const { from, to } = periodRange('periodId', a.periodId);
      return currentPage(
        ctx,
        commendations,
        {
          units: ctx.scope.visibleUnder(unitId),
          from,
          to,
          where: '(@status IS NULL OR award_status = @status) AND (@proposedBy IS NULL OR proposed_by_org = @proposedBy)',
          params: { status: a.status ?? null, proposedBy },
        },
        { first: a.first, after: a.after, max: MAX_COMMENDATIONS },
      );
    },
    frontCommendation: (_, { id }, ctx) => readable(ctx, id),
  },
  Mutation: {
    /** Any organization's staff propose, inside their jurisdiction; the proposer is the caller's organization, never an argument. */
    proposeFrontCommendation: (_, { input }, ctx) => {
      const proposer = ctx.scope.principal.staffOf;
      const values = proposalInput(input, proposer ?? 'front');
      if (!proposer) throw forbidden('Chỉ cán bộ của các tổ chức được đề nghị khen thưởng.');
      return underArguments(inputNamed(), () => writerFor(ctx, commendations).create(values));
    },
    decideFrontCommendation: (_, { id, input }, ctx) => {
      const current = standingRecord(ctx, commendations, id);
      if (!current || !authorize.write(ctx.scope.principal, 'front', String(current.recipientUnitId)).allowed) {
        if (current && canRead(ctx, current)) throw forbidden('Chỉ cán bộ Mặt trận được ghi quyết định khen thưởng.');
        throw notFound(`Không tìm thấy đề nghị khen thưởng ${id}.`);
      }
      if (current.awardStatus !== 'PROPOSED') throw invalidInput('id', 'Đề nghị khen thưởng này đã có quyết định.', 'ALREADY_DECIDED');
      if (input.status === 'PROPOSED') throw invalidInput('input.status', 'Quyết định phải là AWARDED hoặc NOT_AWARDED.', 'DECISION_REQUIRED');
      const changes = {
        awardStatus: input.status,
        decidedOn: input.decidedOn,
        decisionNumber: input.decisionNumber ?? null,
        issuingAuthority: input.issuingAuthority ?? null,
        decisionNote: input.note ?? null,
        decidedBy: ctx.scope.identity.userId,
        ...(input.status === 'AWARDED' && input.form ? { form: input.form } : {}),
      };
      return underArguments(inputNamed({ awardStatus: 'status', decisionNote: 'note' }), () =>
        writerFor(ctx, commendations).correct(id, changes, 'Ghi quyết định khen thưởng'),
      );
    },
  },
};
