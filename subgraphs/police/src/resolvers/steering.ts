/**
 * A steering committee on a day: the members whose membership spans it and the last consolidation
 * before it, read through the record framework (the kinds' visibility, the caller's jurisdiction and
 * `asRecordedAt` as every list), so that a committee's make-up on any past day stays answerable.
 */
import { invalidInput } from '@antt/auth';
import { isIsoDate, territory, todayInVietnam } from '@antt/reference';
import { recordsOf, storedUnit, type SubgraphContext } from '@antt/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.js';
import { steeringConsolidations, steeringMembers, STEERING_ROLES } from '../kinds/steering.js';

const ROLE_ORDER = Object.keys(STEERING_ROLES);

function committeeOn(ctx: SubgraphContext, unitId: string, on: string, asRecordedAt: string | null) {
  const unit = territory().unit(unitId);
  if (!unit || unit.level === 'RESIDENTIAL_AREA') throw invalidInput('unitId', 'Cấp Ban Chỉ đạo: cần mã tỉnh, huyện hoặc xã.', 'UNKNOWN_UNIT');
  if (!isIsoDate(on)) throw invalidInput('on', 'Ngày phải có dạng YYYY-MM-DD (ví dụ 2021-08-19).', 'INVALID_DATE');
  // Only the committee of the unit itself, not those below it, which the window's units include.
  const f = { unitId, asRecordedAt, p_unit: unitId, p_on: on };
  const members = recordsOf(ctx, steeringMembers);
  const rows = members.aggregate<Record<string, unknown>>(f, '*', {
    records: true,
    dated: false,
    where: 'unit_id = @p_unit AND from_date <= @p_on AND (to_date IS NULL OR to_date >= @p_on)',
    orderBy: 'from_date, id',
  });
  const consolidations = recordsOf(ctx, steeringConsolidations);
  const [last] = consolidations.aggregate<Record<string, unknown>>(f, '*', {
    records: true,
    dated: false,
    where: 'unit_id = @p_unit AND decided_on <= @p_on',
    orderBy: 'decided_on DESC, id DESC',
    limit: 1,
  });
  return {
    unitId,
    on,
    consolidation: last ? consolidations.toRecord(last) : null,
    members: rows.map((r) => members.toRecord(r)).sort((a, b) => ROLE_ORDER.indexOf(String(a.committeeRole)) - ROLE_ORDER.indexOf(String(b.committeeRole))),
  };
}

export const steeringResolvers: Resolvers = {
  Query: {
    policeSteeringCommittee: (_, a, ctx) => committeeOn(ctx, a.unitId, a.on ?? todayInVietnam(), a.asRecordedAt ?? null) as never,
  },
  PoliceSteeringCommittee: {
    unit: (c) => storedUnit((c as unknown as { unitId: string }).unitId) as never,
  },
};
