/** Labour disputes and strikes, and the police hotspot each was reported as (reportHotspot in the police subgraph). */
import { invalidInput } from '@antt/auth';
import { fmt, recordKind, Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { sql } from 'drizzle-orm';
import { labourDisputes as disputes } from '../db/schema.js';
import { DISPUTE_CAUSES, DISPUTE_KINDS, type DisputeCause, type DisputeKind } from './catalogues.js';

export interface DisputeInput {
  establishmentId?: string | null;
  unitId: string;
  startedOn: string;
  kind: DisputeKind;
  cause: DisputeCause;
  workersInvolved: number;
  hotspotId?: string | null;
  note?: string | null;
}

export interface DisputeUpdate {
  hotspotId?: string | null;
  resolvedOn?: string | null;
  note?: string | null;
}

export function validateDispute(org: OrganizationId, f: DisputeInput, check: Check) {
  const startedOn = check.pastDate('startedOn', f.startedOn, 'Ngày bắt đầu');
  const unit = check.unitOn('unitId', f.unitId, startedOn, ['COMMUNE']);
  return {
    establishmentId: check.code('establishmentId', f.establishmentId, 'Mã cơ sở trong danh sách của Công an'),
    unitId: unit.id,
    branchId: check.branch(org, unit, startedOn),
    startedOn,
    kind: check.oneOf('kind', f.kind, DISPUTE_KINDS, 'Loại vụ việc'),
    cause: check.oneOf('cause', f.cause, DISPUTE_CAUSES, 'Nguyên nhân'),
    workersInvolved: check.count('workersInvolved', f.workersInvolved, 'Số người lao động tham gia', 1, 100_000),
    hotspotId: check.code('hotspotId', f.hotspotId, 'Mã điểm nóng'),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export type DisputeRow = typeof disputes.$inferSelect;

export class DisputeRepository extends recordKind({
  name: 'labour-disputes',
  table: disputes,
  columns: { id: disputes.id, unitId: disputes.unitId, date: disputes.startedOn },
  dateOf: (r) => r.startedOn,
  sums: { workersInvolved: disputes.workersInvolved, reportedAsHotspots: sql`${disputes.hotspotId} IS NOT NULL`, resolved: sql`${disputes.resolvedOn} IS NOT NULL` },
  by: { column: disputes.kind, catalogue: DISPUTE_KINDS },
  nounVi: 'vụ tranh chấp, đình công',
  validate: validateDispute,
}) {
  change(id: number, patch: DisputeUpdate): DisputeRow {
    const row = this.writable(id);
    const check = new Check();
    const set: Partial<DisputeRow> = {};
    if (patch.hotspotId != null) {
      if (row.hotspotId && row.hotspotId !== patch.hotspotId) throw invalidInput(check.at('hotspotId'), `Vụ việc đã được báo thành điểm nóng ${row.hotspotId}.`, 'ALREADY_REPORTED');
      set.hotspotId = check.code('hotspotId', patch.hotspotId, 'Mã điểm nóng');
    }
    if (patch.resolvedOn != null) {
      if (row.resolvedOn) throw invalidInput(check.at('resolvedOn'), `Vụ việc đã giải quyết xong ngày ${fmt(row.resolvedOn)}.`, 'ALREADY_CLOSED');
      set.resolvedOn = check.notBefore('resolvedOn', check.pastDate('resolvedOn', patch.resolvedOn, 'Ngày giải quyết xong'), row.startedOn, 'Ngày giải quyết xong', 'ngày bắt đầu');
    }
    if (patch.note !== undefined) set.note = check.text('note', patch.note, 'Ghi chú', 2000);
    return Object.keys(set).length ? this.update(id, set) : row;
  }
}
