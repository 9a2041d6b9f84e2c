/**
 * Small checks every record's validation is made of. Each reports BAD_USER_INPUT naming the field, in
 * Vietnamese, and never echoes the value of a protected field (callers pass no value for those).
 * Inside `collectInputProblems` a failed check is kept and the validation goes on with the value as
 * given (every problem of a form at once); elsewhere it throws at once.
 */
import { invalidInput, reportInvalidInput } from '@antt/auth';
import { territory, todayInVietnam, type AdminUnit, type IsoDate, type UnitLevel } from '@antt/reference';

export function vnDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** A trimmed, non-empty text of at most `max` characters. */
export function requiredText(field: string, value: string, max: number, label: string): string {
  const v = value.trim();
  if (!v) reportInvalidInput(field, `${label} không được để trống.`, 'REQUIRED');
  else if (v.length > max) reportInvalidInput(field, `${label} dài quá ${max} ký tự.`, 'TOO_LONG');
  return v;
}

export function optionalText(field: string, value: string | null | undefined, max: number, label: string): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (v.length > max) reportInvalidInput(field, `${label} dài quá ${max} ký tự.`, 'TOO_LONG');
  return v;
}

export function notInFuture(field: string, date: IsoDate, label: string, today = todayInVietnam()): IsoDate {
  if (date > today) reportInvalidInput(field, `${label} ${vnDate(date)} ở tương lai (hôm nay là ${vnDate(today)}).`, 'DATE_IN_FUTURE');
  return date;
}

export function instantNotInFuture(field: string, instant: string, label: string, now = new Date()): string {
  const t = new Date(instant);
  if (Number.isNaN(t.getTime())) throw invalidInput(field, `${label} không hợp lệ.`, 'INVALID_DATETIME');
  if (t.getTime() > now.getTime() + 5 * 60_000) throw invalidInput(field, `${label} ở tương lai.`, 'DATE_IN_FUTURE');
  return t.toISOString();
}

export function intInRange(field: string, value: number, min: number, max: number, label: string): number {
  if (!Number.isInteger(value) || value < min) reportInvalidInput(field, `${label} phải là số nguyên từ ${min} trở lên.`, value < 0 ? 'NEGATIVE' : 'TOO_SMALL');
  else if (value > max) reportInvalidInput(field, `${label} vượt quá ${max.toLocaleString('vi-VN')}.`, 'TOO_LARGE');
  return value;
}

/** A unit that exists and was valid on `date`, optionally of given levels. */
export function unitValidOn(field: string, unitId: string, date: IsoDate, levels?: readonly UnitLevel[]): AdminUnit {
  const t = territory();
  const u = t.unit(unitId);
  if (!u) throw invalidInput(field, `Không có đơn vị "${unitId}".`, 'UNKNOWN_UNIT');
  if (levels && !levels.includes(u.level)) reportInvalidInput(field, `${u.name} không thuộc cấp phù hợp (${levels.join(', ')}).`, 'WRONG_LEVEL');
  if (!t.existsOn(u.id, date)) {
    const hint =
      u.validTo && date > u.validTo
        ? ` Từ ${vnDate(u.validTo)} đơn vị này đã sáp nhập vào ${t.currentUnit(u.id)?.name ?? 'đơn vị mới'}.`
        : ` Đơn vị này chỉ có từ ngày ${vnDate(u.validFrom)}.`;
    reportInvalidInput(field, `${u.name} không tồn tại vào ngày ${vnDate(date)}.${hint}`, 'UNIT_NOT_VALID_ON_DATE');
  }
  return u;
}

/** What a reason for reading protected data must be: long enough to say why, short enough to read. */
export const ACCESS_REASON_LIMITS = { min: 15, max: 500 } as const;

/**
 * Control characters (NUL, CR, LF, tab…), format characters (bidirectional overrides and isolates,
 * zero-width characters, the byte-order mark) and line or paragraph separators: a reason is one line
 * that reads the same in every viewer of the trail.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/u;

/**
 * A reason for reading a reporter's identity (or any data read only with a reason): one line of
 * printable text, at least ACCESS_REASON_LIMITS.min characters in at least two words. The message
 * never repeats what was typed nor the limits.
 */
export function accessReason(field: string, value: string, label = 'Lý do'): string {
  const v = value.normalize('NFC').trim();
  if (!v) throw invalidInput(field, `${label} không được để trống.`, 'REQUIRED');
  if (UNPRINTABLE.test(v))
    throw invalidInput(field, `${label} chỉ gồm một dòng chữ in được (không ký tự điều khiển, xuống dòng hay đổi chiều chữ).`, 'INVALID_CHARACTERS');
  const chars = [...v].length;
  if (chars > ACCESS_REASON_LIMITS.max) throw invalidInput(field, `${label} quá dài: hãy ghi ngắn gọn.`, 'TOO_LONG');
  const words = v.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (chars < ACCESS_REASON_LIMITS.min || words.length < 2)
    throw invalidInput(field, `${label} quá ngắn: hãy ghi rõ vì sao cần xem (vụ việc, căn cứ).`, 'TOO_SHORT');
  return v;
}
