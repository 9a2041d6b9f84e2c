/**
 * The close-out of Plan 447/KH-CAT-HND (2017-2021), which the farmers' association and the police ran
 * before Plan 155 (section IV.3: close it out in 2021). The plan's own targets were not retrieved: the
 * records are what the association enters; the demo data invents indicators and marks them as demo.
 */
import { sql } from 'drizzle-orm';
import { invalidInput } from '@antt/auth';
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { farmersPlan447Results as results } from '../db/schema.js';

export interface Plan447ResultInput {
  reportedOn: string;
  unitId: string;
  indicator: string;
  unitOfMeasure: string;
  target: number;
  achieved: number;
  note?: string | null;
}

/** Targets and results may be shares or sums of money, so not only whole numbers. */
function amount(check: Check, name: string, value: number, label: string): number {
  if (!Number.isFinite(value) || value < 0) throw invalidInput(check.at(name), `${label} phải là số không âm.`, 'NEGATIVE');
  if (value > 1e12) throw invalidInput(check.at(name), `${label} quá lớn.`, 'TOO_LARGE');
  return value;
}

export function validatePlan447Result(org: OrganizationId, f: Plan447ResultInput, check: Check) {
  const reportedOn = check.pastDate('reportedOn', f.reportedOn, 'Ngày báo cáo tổng kết');
  const unit = check.unitOn('unitId', f.unitId, reportedOn, ['PROVINCE', 'DISTRICT', 'COMMUNE']);
  return {
    reportedOn,
    unitId: unit.id,
    branchId: check.branch(org, unit, reportedOn),
    indicator: check.text('indicator', f.indicator, 'Chỉ tiêu', 300, true),
    unitOfMeasure: check.text('unitOfMeasure', f.unitOfMeasure, 'Đơn vị tính', 50, true),
    target: amount(check, 'target', f.target, 'Chỉ tiêu kế hoạch'),
    achieved: amount(check, 'achieved', f.achieved, 'Kết quả thực hiện'),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class Plan447Repository extends recordKind({
  name: 'farmers-plan447',
  table: results,
  columns: { id: results.id, unitId: results.unitId, date: results.reportedOn },
  dateOf: (r) => r.reportedOn,
  sums: { met: sql`${results.achieved} >= ${results.target}` },
  nounVi: 'chỉ tiêu Kế hoạch 447',
  validate: validatePlan447Result,
}) {}
