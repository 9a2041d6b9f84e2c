/**
 * Replicas of the Chiềng Sơn (Mộc Châu) model "Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng"
 * in other communes, each linked to the original (Plan 155, section III; yearly focus 2021).
 */
import { and, sql } from 'drizzle-orm';
import { invalidInput } from '@antt/auth';
import { countWindow, fmt, inUnits, memo, recordKind, windowParams, Check } from '@antt/duties';
import { territory, unitId, type OrganizationId } from '@antt/reference';
import { womenModelReplicas as replicas } from '../db/schema.js';

/**
 * The original model. Its own record (who runs it, its reviews) belongs to the models of issue 4; until
 * then it is named here, and `originalModelId` is what a replica keeps.
 */
export const CHIENG_SON_MODEL = {
  id: 'MODEL-CHIENG-SON-CAM-HOA',
  name: 'Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng',
  unitId: unitId.oldCommune('03985'),
} as const;

export interface ModelReplicaInput {
  startedOn: string;
  unitId: string;
  name?: string | null;
  peopleSupported: number;
  note?: string | null;
}

export function validateModelReplica(org: OrganizationId, f: ModelReplicaInput, check: Check) {
  const startedOn = check.pastDate('startedOn', f.startedOn, 'Ngày bắt đầu');
  const unit = check.unitOn('unitId', f.unitId, startedOn, ['COMMUNE']);
  // "In other communes": not Chiềng Sơn itself, nor the new commune it went into in 2025.
  if (territory().covers(unit.id, CHIENG_SON_MODEL.unitId)) throw invalidInput(check.at('unitId'), `${unit.name} là nơi có mô hình gốc (xã Chiềng Sơn): nhân rộng là ở xã khác.`, 'ORIGINAL_COMMUNE');
  return {
    startedOn,
    unitId: unit.id,
    branchId: check.branch(org, unit, startedOn),
    name: check.text('name', f.name, 'Tên mô hình', 300) ?? `${CHIENG_SON_MODEL.name} (${unit.name})`,
    originalModelId: CHIENG_SON_MODEL.id,
    peopleSupported: check.count('peopleSupported', f.peopleSupported, 'Số người lầm lỗi được giúp đỡ', 0, 10_000),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export type ModelReplicaRow = typeof replicas.$inferSelect;

export class ModelReplicaRepository extends recordKind({
  name: 'women-model-replicas',
  table: replicas,
  columns: { id: replicas.id, unitId: replicas.unitId, date: replicas.startedOn },
  dateOf: (r) => r.startedOn,
  sums: { peopleSupported: replicas.peopleSupported },
  nounVi: 'mô hình nhân rộng',
  validate: validateModelReplica,
}) {
  private get activeStmt() {
    return memo(this.db, 'women-model-replicas-active', () =>
      this.db
        .select({ n: sql<number>`count(*)`, people: sql<number>`coalesce(sum(${replicas.peopleSupported}), 0)` })
        .from(replicas)
        .where(and(inUnits(replicas.unitId), sql`${replicas.startedOn} <= ${sql.placeholder('to')}`, sql`(${replicas.discontinuedOn} IS NULL OR ${replicas.discontinuedOn} >= ${sql.placeholder('to')})`))
        .prepare(),
    );
  }

  /** Replicas running on the period's last day. */
  active(unit: string, periodId: string): { count: number; peopleSupported: number } {
    const p = windowParams(countWindow(this.scope, this.org, { unitId: unit, periodId }));
    const r = this.activeStmt.get({ units: p.units, to: p.to });
    return { count: r?.n ?? 0, peopleSupported: r?.people ?? 0 };
  }

  discontinue(id: number, on: string): ModelReplicaRow {
    const row = this.writable(id);
    const check = new Check('');
    if (row.discontinuedOn) throw invalidInput('on', `Mô hình đã dừng từ ${fmt(row.discontinuedOn)}.`, 'ALREADY_CLOSED');
    const date = check.notBefore('on', check.pastDate('on', on, 'Ngày dừng'), row.startedOn, 'Ngày dừng', 'ngày bắt đầu');
    return this.update(id, { discontinuedOn: date });
  }
}
