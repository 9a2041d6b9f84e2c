/**
 * Validation of a model before anything is written; each rule names the field to fix, in Vietnamese.
 */
import { collectInputProblems, invalidInput, reportInvalidInput } from '@antt/auth';
import { MODEL_KINDS, MODEL_STATUSES, OLD_ERA_START, parseRecordId, todayInVietnam, type ModelKind, type ModelStatus, type OrganizationId } from '@antt/reference';
import { otherOrganizations } from '../check.js';
import { notInFuture, optionalText, requiredText, unitValidOn, vnDate } from '../validation.js';

export interface ModelFields {
  name: string;
  kind: ModelKind;
  description?: string | null;
  unitId: string;
  startedOn: string;
  partnerIds?: string[] | null;
  replicaOfId?: string | null;
}

export interface ValidModel {
  name: string;
  kind: ModelKind;
  description: string | null;
  unitId: string;
  startedOn: string;
  partnerIds: string;
  replicaOfId: string | null;
}

export const MODEL_LIMITS = { name: 300, description: 4000, reason: 1000 } as const;

export function validateModel(org: OrganizationId, f: ModelFields, prefix = 'input', today = todayInVietnam()): ValidModel {
  return collectInputProblems(() => {
    const at = (name: string) => `${prefix}.${name}`;
    const name = requiredText(at('name'), f.name, MODEL_LIMITS.name, 'Tên mô hình');
    if (!(f.kind in MODEL_KINDS)) reportInvalidInput(at('kind'), `Loại mô hình "${f.kind}" không có trong danh mục.`, 'UNKNOWN_KIND');
    const description = optionalText(at('description'), f.description, MODEL_LIMITS.description, 'Mô tả');
    notInFuture(at('startedOn'), f.startedOn, 'Ngày bắt đầu', today);
    // The map of units starts in 2019: an older model is placed on the units as they were then.
    const unit = unitValidOn(at('unitId'), f.unitId, f.startedOn < OLD_ERA_START ? OLD_ERA_START : f.startedOn);
    const partners = otherOrganizations(at('partnerIds'), f.partnerIds, org);
    let replicaOfId: string | null = null;
    if (f.replicaOfId != null && f.replicaOfId.trim() !== '') {
      const ref = parseRecordId('model', f.replicaOfId.trim());
      if (!ref) reportInvalidInput(at('replicaOfId'), `"${f.replicaOfId}" không phải là mã mô hình (dạng model:<tổ chức>:<số>, ví dụ model:front:1).`, 'INVALID_MODEL_ID');
      replicaOfId = f.replicaOfId.trim();
    }
    return { name, kind: f.kind, description, unitId: unit.id, startedOn: f.startedOn, partnerIds: JSON.stringify(partners), replicaOfId };
  });
}

export function validateStatusChange(current: { status: string; startedOn: string }, status: ModelStatus, since: string, today = todayInVietnam()): void {
  return collectInputProblems(() => {
    if (!(status in MODEL_STATUSES)) throw invalidInput('status', `Trạng thái "${status}" không có trong danh mục.`, 'UNKNOWN_STATUS');
    if (status === current.status) throw invalidInput('status', 'Mô hình đã ở trạng thái này.', 'UNCHANGED');
    notInFuture('since', since, 'Ngày chuyển trạng thái', today);
    if (since < current.startedOn) reportInvalidInput('since', `Ngày chuyển trạng thái trước ngày mô hình bắt đầu (${vnDate(current.startedOn)}).`, 'BEFORE_START');
  });
}
