/** Legal education sessions for young people. */
import { sql } from 'drizzle-orm';
import { recordKind, type Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { youthLegalSessions as sessions } from '../db/schema.js';
import { SESSION_SETTINGS, type SessionSetting } from './catalogues.js';

export interface LegalSessionInput {
  date: string;
  unitId: string;
  topic: string;
  setting: SessionSetting;
  youthReached: number;
  drugPrevention: boolean;
  note?: string | null;
}

export function validateLegalSession(org: OrganizationId, f: LegalSessionInput, check: Check) {
  const date = check.pastDate('date', f.date, 'Ngày tổ chức');
  const unit = check.unitOn('unitId', f.unitId, date);
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    topic: check.text('topic', f.topic, 'Chủ đề', 300, true),
    setting: check.oneOf('setting', f.setting, SESSION_SETTINGS, 'Địa điểm, hình thức'),
    youthReached: check.count('youthReached', f.youthReached, 'Số thanh thiếu niên tham dự', 1, 100_000),
    drugPrevention: Boolean(f.drugPrevention),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export class LegalSessionRepository extends recordKind({
  name: 'youth-legal-sessions',
  table: sessions,
  columns: { id: sessions.id, unitId: sessions.unitId, date: sessions.date },
  dateOf: (r) => r.date,
  sums: { youthReached: sessions.youthReached, drugPreventionSessions: sql`${sessions.drugPrevention}`, drugPreventionYouthReached: sql`CASE WHEN ${sessions.drugPrevention} THEN ${sessions.youthReached} ELSE 0 END` },
  by: { column: sessions.setting, catalogue: SESSION_SETTINGS },
  nounVi: 'buổi tuyên truyền',
  validate: validateLegalSession,
}) {}
