/**
 * Validation of an activity before anything is written. Each rule names the field the user must fix,
 * in Vietnamese, and says what would be accepted; every problem is reported at once (one
 * BAD_USER_INPUT listing them), except that checks needing a known unit stop at an unknown one.
 */
import { collectInputProblems, invalidInput, reportInvalidInput } from '@antt/auth';
import { branchById, nearestBranch, planTask, territory, todayInVietnam, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { ACTIVITY_TYPES, type ActivityType } from './types.js';

export interface ActivityFields {
  type: ActivityType;
  topic: string;
  date: string;
  unitId: string;
  branchId?: string | null;
  participants: number;
  note?: string | null;
  planTaskId?: string | null;
}

export interface ValidActivity {
  type: ActivityType;
  topic: string;
  date: string;
  unitId: string;
  branchId: string;
  participants: number;
  note: string | null;
  planTaskId: string | null;
}

export const LIMITS = { topic: 300, note: 4000, participants: 1_000_000 } as const;

function fmt(d: string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** Checks one activity; `prefix` is the argument the fields sit in (`input`). */
export function validateActivity(org: OrganizationId, f: ActivityFields, prefix = 'input', today = todayInVietnam()): ValidActivity {
  return collectInputProblems(() => checkActivity(org, f, prefix, today));
}

function checkActivity(org: OrganizationId, f: ActivityFields, prefix: string, today: string): ValidActivity {
  const at = (name: string) => `${prefix}.${name}`;
  if (!(f.type in ACTIVITY_TYPES)) reportInvalidInput(at('type'), `Loại hoạt động "${f.type}" không có trong danh mục.`, 'UNKNOWN_TYPE');
  const topic = f.topic.trim();
  if (!topic) reportInvalidInput(at('topic'), 'Chủ đề hoạt động không được để trống.', 'REQUIRED');
  else if (topic.length > LIMITS.topic) reportInvalidInput(at('topic'), `Chủ đề dài quá ${LIMITS.topic} ký tự.`, 'TOO_LONG');
  if (f.date > today) reportInvalidInput(at('date'), `Ngày hoạt động ${fmt(f.date)} ở tương lai: chỉ ghi nhận hoạt động đã diễn ra (hôm nay là ${fmt(today)}).`, 'DATE_IN_FUTURE');
  if (!Number.isInteger(f.participants) || f.participants < 0) reportInvalidInput(at('participants'), 'Số người tham dự phải là số nguyên không âm.', 'NEGATIVE');
  else if (f.participants > LIMITS.participants) reportInvalidInput(at('participants'), `Số người tham dự vượt quá ${LIMITS.participants.toLocaleString('vi-VN')}.`, 'TOO_LARGE');
  const note = f.note?.trim() || null;
  if (note && note.length > LIMITS.note) reportInvalidInput(at('note'), `Ghi chú dài quá ${LIMITS.note} ký tự.`, 'TOO_LONG');
  if (f.planTaskId != null && !planTask(f.planTaskId)) reportInvalidInput(at('planTaskId'), `Nhiệm vụ "${f.planTaskId}" không có trong Kế hoạch 155 (dùng II.1 đến II.7).`, 'UNKNOWN_PLAN_TASK');

  const t = territory();
  const unit = t.unit(f.unitId);
  if (!unit) throw invalidInput(at('unitId'), `Không có đơn vị "${f.unitId}".`, 'UNKNOWN_UNIT');
  if (!t.existsOn(unit.id, f.date)) {
    const hint = unit.validTo && f.date > unit.validTo ? ` Từ ${fmt(unit.validTo)} đơn vị này đã sáp nhập; hãy ghi cho đơn vị mới (${t.currentUnit(unit.id)?.name ?? 'theo bản đồ hiện nay'}).` : ` Đơn vị này chỉ có từ ngày ${fmt(unit.validFrom)}; trước đó hãy ghi cho đơn vị cũ.`;
    throw invalidInput(at('unitId'), `${unit.name} không tồn tại vào ngày ${fmt(f.date)}.${hint}`, 'UNIT_NOT_VALID_ON_DATE');
  }

  let branchIdValue: string;
  if (f.branchId != null) {
    const b = branchById(f.branchId);
    if (!b || b.organization !== org) throw invalidInput(at('branchId'), `"${f.branchId}" không phải là một cấp của ${ORGANIZATIONS[org].nameVi}.`, 'UNKNOWN_BRANCH');
    const ancestors = [unit.id, ...t.ancestorsOn(unit.id, f.date).map((u) => u.id)];
    if (!ancestors.includes(b.unitId) || (b.validTo !== null && f.date > b.validTo)) {
      throw invalidInput(at('branchId'), `${b.name} không phụ trách ${unit.name} vào ngày ${fmt(f.date)}.`, 'BRANCH_NOT_OVER_UNIT');
    }
    branchIdValue = b.id;
  } else {
    const b = nearestBranch(org, unit.id, f.date);
    if (!b) throw invalidInput(at('branchId'), `Không xác định được cấp tổ chức phụ trách ${unit.name}: hãy ghi rõ branchId.`, 'BRANCH_REQUIRED');
    branchIdValue = b.id;
  }
  return { type: f.type, topic, date: f.date, unitId: unit.id, branchId: branchIdValue, participants: f.participants, note, planTaskId: f.planTaskId ?? null };
}
