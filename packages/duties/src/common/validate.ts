/**
 * Validation shared by every organization's own records. Each check names the argument the user must
 * fix (`input.date`), says in Vietnamese what would be accepted, and runs before anything is written.
 * Demo data goes through the same checks, so it is data a user could have typed.
 * Inside `collectInputProblems` (the repositories run validators in it) a check whose failure does not
 * stop the others reports it and goes on with the value as given, so that every problem of a form is
 * reported at once; a check the next ones depend on (a date's form, a unit that exists, a branch) throws.
 */
import { invalidInput, reportInvalidInput } from '@antt/auth';
import { isIsoDate, nearestBranch, territory, todayInVietnam, ORGANIZATIONS, type AdminUnit, type OrganizationId, type UnitLevel } from '@antt/reference';

/** 2021-08-19 → 19/08/2021, as dates are written in Vietnamese. */
export function fmt(d: string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

const LEVEL_VI: Record<UnitLevel, string> = {
  PROVINCE: 'tỉnh',
  DISTRICT: 'huyện, thành phố, thị xã',
  COMMUNE: 'xã, phường, thị trấn',
  RESIDENTIAL_AREA: 'khu dân cư (bản, tiểu khu, tổ dân phố)',
};

export const MAX_COUNT = 1_000_000;

export class Check {
  constructor(
    readonly prefix = 'input',
    readonly today: string = todayInVietnam(),
  ) {}

  at(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  /** Trimmed text; null when optional and empty. */
  text(name: string, value: string | null | undefined, label: string, max: number, required: true): string;
  text(name: string, value: string | null | undefined, label: string, max: number, required?: boolean): string | null;
  text(name: string, value: string | null | undefined, label: string, max: number, required = false): string | null {
    const v = value?.trim() || null;
    if (!v && required) reportInvalidInput(this.at(name), `${label} không được để trống.`, 'REQUIRED');
    if (v && v.length > max) reportInvalidInput(this.at(name), `${label} dài quá ${max} ký tự.`, 'TOO_LONG');
    return v ?? (required ? '' : null);
  }

  /** A whole number between min and max (default 0 to a million). */
  count(name: string, value: number, label: string, min = 0, max = MAX_COUNT): number {
    if (!Number.isInteger(value) || value < min)
      reportInvalidInput(
        this.at(name),
        min === 0 ? `${label} phải là số nguyên không âm.` : `${label} phải là số nguyên từ ${min} trở lên.`,
        min === 0 ? 'NEGATIVE' : 'TOO_SMALL',
      );
    else if (value > max) reportInvalidInput(this.at(name), `${label} vượt quá ${max.toLocaleString('vi-VN')}.`, 'TOO_LARGE');
    return value;
  }

  optionalCount(name: string, value: number | null | undefined, label: string, min = 0, max = MAX_COUNT): number | null {
    return value == null ? null : this.count(name, value, label, min, max);
  }

  /** A day that has already come (records are of what happened). */
  pastDate(name: string, value: string, label: string): string {
    if (!isIsoDate(value)) throw invalidInput(this.at(name), `${label} phải có dạng YYYY-MM-DD, ví dụ 2021-08-19.`, 'INVALID_DATE');
    if (value > this.today)
      reportInvalidInput(this.at(name), `${label} ${fmt(value)} ở tương lai: chỉ ghi nhận việc đã diễn ra (hôm nay là ${fmt(this.today)}).`, 'DATE_IN_FUTURE');
    return value;
  }

  /** A day not before another one (an outcome after the assignment, a result after the case was received). */
  notBefore(name: string, value: string, earliest: string, label: string, earliestLabel: string): string {
    if (value < earliest) reportInvalidInput(this.at(name), `${label} ${fmt(value)} trước ${earliestLabel} (${fmt(earliest)}).`, 'DATE_BEFORE_START');
    return value;
  }

  /** A unit that existed on `date`, of one of the given levels. */
  unitOn(name: string, unitId: string, date: string, levels?: readonly UnitLevel[]): AdminUnit {
    const t = territory();
    const unit = t.unit(unitId);
    if (!unit) throw invalidInput(this.at(name), `Không có đơn vị "${unitId}".`, 'UNKNOWN_UNIT');
    if (levels && !levels.includes(unit.level)) {
      reportInvalidInput(this.at(name), `${unit.name} không phải là ${levels.map((l) => LEVEL_VI[l]).join(' hoặc ')}.`, 'WRONG_UNIT_LEVEL');
    }
    if (!t.existsOn(unit.id, date)) {
      const hint =
        unit.validTo && date > unit.validTo
          ? ` Từ ${fmt(unit.validTo)} đơn vị này đã sáp nhập; hãy ghi cho đơn vị mới (${t.currentUnit(unit.id)?.name ?? 'theo bản đồ hiện nay'}).`
          : ` Đơn vị này chỉ có từ ngày ${fmt(unit.validFrom)}; trước đó hãy ghi cho đơn vị cũ.`;
      reportInvalidInput(this.at(name), `${unit.name} không tồn tại vào ngày ${fmt(date)}.${hint}`, 'UNIT_NOT_VALID_ON_DATE');
    }
    return unit;
  }

  /** The organization's branch that answers for a unit on a day: the one at the unit, else the nearest above. */
  branch(org: OrganizationId, unit: AdminUnit, date: string, name = 'unitId'): string {
    const b = nearestBranch(org, unit.id, date);
    if (!b) throw invalidInput(this.at(name), `${ORGANIZATIONS[org].nameVi} không có cấp nào phụ trách ${unit.name} vào ngày ${fmt(date)}.`, 'NO_BRANCH');
    return b.id;
  }

  /** One of the values of an enum (GraphQL checks enums already; this guards demo data and direct calls). */
  oneOf<K extends string>(name: string, value: string, allowed: Record<K, unknown>, label: string): K {
    if (!Object.prototype.hasOwnProperty.call(allowed, value))
      reportInvalidInput(this.at(name), `${label} "${value}" không có trong danh mục.`, 'UNKNOWN_VALUE');
    return value as K;
  }

  /** A list of enum values, each once, in the catalogue's order. */
  setOf<K extends string>(name: string, values: readonly string[], allowed: Record<K, unknown>, label: string, min = 0): K[] {
    for (const v of values) this.oneOf(name, v, allowed, label);
    if (values.length < min) reportInvalidInput(this.at(name), `Cần chọn ít nhất ${min} ${label.toLowerCase()}.`, 'REQUIRED');
    return (Object.keys(allowed) as K[]).filter((k) => values.includes(k));
  }

  /**
   * An id another organization gave (a police receipt, a hotspot, a pseudonymous case): capital letters,
   * digits and hyphens only, so that a name or a story cannot be typed in its place.
   */
  code(name: string, value: string | null | undefined, label: string, required: true): string;
  code(name: string, value: string | null | undefined, label: string, required?: false): string | null;
  code(name: string, value: string | null | undefined, label: string, required = false): string | null {
    const v = value?.trim() || null;
    if (!v) {
      if (required) reportInvalidInput(this.at(name), `${label} không được để trống.`, 'REQUIRED');
      return required ? '' : null;
    }
    // The police issue receipts like BN-x3_Kq9… (base64url) and hotspot ids like 7: letters of both cases, digits, - and _.
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v)) {
      // The value is not repeated: what was typed in place of an id may be a name or a tip's content.
      reportInvalidInput(
        this.at(name),
        `${label} không đúng dạng mã (chữ in hoa, chữ số và dấu gạch ngang, ví dụ DEMO-TH-0001): không ghi họ tên hay nội dung vào đây.`,
        'INVALID_CODE',
      );
    }
    return v;
  }
}
