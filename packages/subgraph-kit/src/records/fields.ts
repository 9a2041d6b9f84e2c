/**
 * The fields a kind of record is declared with. A field knows everything the framework needs of it:
 * its column, its GraphQL types (output and input), its description, its data class, and how to check
 * a value typed by a user (in Vietnamese, naming the field, never repeating the value). A kind is a
 * map of these (kind.ts); its table, SDL, validation and repository are made from them.
 */
import { integer, text, type SQLiteColumnBuilderBase } from 'drizzle-orm/sqlite-core';
import type { DataClass } from '@antt/auth';
import { isIsoDate, type OrganizationId, type UnitLevel } from '@antt/reference';
import type { Problems } from './problems.js';
import type { RecordKind } from './kind.js';

/**
 * A record of another organization that a field names (a police receipt, a model, an establishment):
 * checked with its owner when written (references/), never taken on trust.
 */
export interface ReferenceSpec {
  /** The organization that keeps the record: fixed, or read from the id (a model's id names its organization). */
  owner: OrganizationId | ((id: string) => OrganizationId | null);
  /** The owner's table of that kind of record (crime_tips, models, establishments). */
  table: string;
  /** The owner's field (its key) holding the id, when it is not the record id (a tip's receiptId). */
  by?: string;
  /** The owner's field that must name the writing organization (a tip handed over by it). */
  writerField?: string;
  /**
   * Where the record named must lie: in the writer's jurisdiction (default), in the record's own unit
   * (an establishment in the commune recorded), or anywhere in the province (a replicated model names
   * its origin, wherever in the province it runs).
   */
  within?: 'writer' | 'record' | 'province';
  /** One such record in Vietnamese, for messages (biên nhận của Công an). */
  nounVi: string;
}

/** A catalogue: enum value → English description with the Vietnamese term, as the schema shows it. */
export type Catalogue = Readonly<Record<string, string>>;

export interface FieldSpec<T = unknown, R extends boolean = boolean> {
  readonly type: 'date' | 'unit' | 'record' | 'text' | 'count' | 'enum' | 'enumSet' | 'code' | 'codes' | 'bool';
  /** Vietnamese label, used in messages (`Ngày tuần tra`). */
  readonly label: string;
  /** The schema's description: English first, then the Vietnamese term. */
  readonly description: string;
  readonly required: R;
  /** The column's name when it is not the snake_case of the key (a column kept from before the framework). */
  readonly dbName?: string;
  /** Computed by the kind's `derive` (a visit's commune is its support's), never typed: not in the inputs. */
  readonly derived?: boolean;
  /** The value a record gets when the input leaves the field out: optional in the input, never null when stored. */
  readonly default?: unknown;
  /** A field more protected than its record (a name: PERSONAL); erasure applies to these only. */
  readonly dataClass?: DataClass;
  /** Enum fields: the GraphQL enum and its catalogue. */
  readonly enumType?: string;
  readonly catalogue?: Catalogue;
  /** The enum is declared by another module of the schema (shared by several organizations): not generated again. */
  readonly enumDeclared?: boolean;
  /** Unit fields: the levels a record may be kept at. */
  readonly levels?: readonly UnitLevel[];
  /** Record fields: the kind of the record pointed at (another record of the same organization). */
  readonly refKind?: () => RecordKind;
  /** Record fields: the list the record pointed at gets of the records pointing at it (a support's visits). */
  readonly children?: { field: string; description: string };
  /** Record fields: the reason code when the record pointed at is not found (default UNKNOWN_RECORD). */
  readonly unknownReason?: string;
  /** Code fields naming another organization's record: checked with its owner when written. */
  readonly ref?: ReferenceSpec;
  /** The column, named by the framework (snake_case of the field's key). */
  column(name: string): SQLiteColumnBuilderBase;
  /** The GraphQL type of the value (output), without the non-null mark. */
  readonly gqlType: string;
  /** Checks a typed value; adds a problem and returns undefined when it is not acceptable. */
  parse(value: unknown, at: string, p: Problems, today: string): T | null | undefined;
  toDb(v: T | null): unknown;
  fromDb(v: unknown): T | null;
}

interface Common<R extends boolean = boolean> {
  label: string;
  description: string;
  /** Default true. */
  required?: R;
  dataClass?: DataClass;
  /** The column's name, when it is not the snake_case of the key. */
  dbName?: string;
  /** Computed by the kind's `derive`, never typed. */
  derived?: boolean;
  /** The value when the input leaves the field out (the field is then optional in the input, never null). */
  default?: unknown;
}

function empty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** 2021-08-19 → 19/08/2021, as dates are written in Vietnamese. */
export function fmtDate(d: string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

function base<T, R extends boolean>(
  o: Common<R>,
  rest: Omit<FieldSpec<T>, 'label' | 'description' | 'required' | 'dataClass' | 'parse'>,
  check: (v: unknown, at: string, p: Problems, today: string) => T | undefined,
): FieldSpec<T, R> {
  const required = (o.required ?? true) as R;
  return {
    label: o.label,
    description: o.description,
    required,
    ...(o.dataClass ? { dataClass: o.dataClass } : {}),
    ...(o.dbName ? { dbName: o.dbName } : {}),
    ...(o.derived ? { derived: true } : {}),
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...rest,
    parse(v, at, p, today) {
      if (empty(v) && o.default !== undefined) return o.default as T;
      if (empty(v)) {
        if (required) p.add(at, `${o.label} không được để trống.`, 'REQUIRED');
        return required ? undefined : null;
      }
      return check(v, at, p, today);
    },
  };
}

const identity = {
  toDb: (v: unknown) => v,
  fromDb: (v: unknown) => (v ?? null) as never,
};

/** A civil date, YYYY-MM-DD; by default a day that has already come (records are of what happened). */
export function date<R extends boolean = true>(o: Common<R> & { future?: boolean }): FieldSpec<string, NoInfer<R>> {
  return base<string, R>(o, { type: 'date', gqlType: 'Date', column: (n) => text(n), ...identity }, (v, at, p, today) => {
    if (typeof v !== 'string' || !isIsoDate(v)) return void p.add(at, `${o.label}: ngày phải có dạng YYYY-MM-DD (ví dụ 2021-08-19).`, 'INVALID_DATE');
    if (!o.future && v > today) return void p.add(at, `${o.label} ở tương lai: chỉ ghi nhận việc đã diễn ra (hôm nay là ${fmtDate(today)}).`, 'DATE_IN_FUTURE');
    return v;
  });
}

/**
 * The unit a record is kept under (input `unitId: ID!`, output `unit: Unit!`). Whether it existed on
 * the record's date is checked by the kind, which knows the date.
 */
export function unit<R extends boolean = true>(o: Common<R> & { levels: readonly UnitLevel[] }): FieldSpec<string, NoInfer<R>> {
  return base<string, R>(o, { type: 'unit', gqlType: 'Unit', levels: o.levels, column: (n) => text(n), ...identity }, (v, at, p) => {
    if (typeof v !== 'string') return void p.add(at, `${o.label}: cần mã đơn vị, ví dụ commune:03730@2019.`, 'UNKNOWN_UNIT');
    return v;
  });
}

/**
 * Another record of the same organization (a visit's support case, a check's boarding house): input
 * `<name>Id: ID!`, output `<name>`. That it exists, stands and is the caller's to see is checked when
 * written; an unknown record and one outside the caller's reach get the same message.
 */
export function recordRef<R extends boolean = true>(
  o: Common<R> & { kind: () => RecordKind; children?: { field: string; description: string }; unknownReason?: string },
): FieldSpec<string, NoInfer<R>> {
  return base<string, R>(
    o,
    {
      type: 'record',
      get gqlType() {
        return o.kind().spec.type;
      },
      refKind: o.kind,
      ...(o.children ? { children: o.children } : {}),
      ...(o.unknownReason ? { unknownReason: o.unknownReason } : {}),
      column: (n) => text(n),
      ...identity,
    },
    (v, at, p) => {
      if (typeof v !== 'string' || v.length > 96) return void p.add(at, `${o.label}: cần mã bản ghi.`, 'INVALID_ID');
      return v;
    },
  );
}

/** Free text, trimmed; `max` characters at most. */
export function textField<R extends boolean = true>(o: Common<R> & { max: number }): FieldSpec<string, NoInfer<R>> {
  return base<string, R>(o, { type: 'text', gqlType: 'String', column: (n) => text(n), ...identity }, (v, at, p) => {
    if (typeof v !== 'string') return void p.add(at, `${o.label} phải là văn bản.`, 'INVALID_TEXT');
    const s = v.trim();
    if (s.length > o.max) return void p.add(at, `${o.label} dài quá ${o.max} ký tự.`, 'TOO_LONG');
    return s;
  });
}

export const MAX_COUNT = 1_000_000;

/** A whole number between min (default 0) and max (default a million). */
export function count<R extends boolean = true>(o: Common<R> & { min?: number; max?: number }): FieldSpec<number, NoInfer<R>> {
  const min = o.min ?? 0;
  const max = o.max ?? MAX_COUNT;
  return base<number, R>(o, { type: 'count', gqlType: 'Int', column: (n) => integer(n), ...identity }, (v, at, p) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      return void p.add(
        at,
        min === 0 ? `${o.label} phải là số nguyên không âm.` : `${o.label} phải là số nguyên từ ${min} trở lên.`,
        min === 0 ? 'NEGATIVE' : 'TOO_SMALL',
      );
    if (v > max) return void p.add(at, `${o.label} vượt quá mức cho phép (${max.toLocaleString('vi-VN')}).`, 'TOO_LARGE');
    return v;
  });
}

/** One value of a catalogue (a GraphQL enum). */
export function oneOf<R extends boolean = true>(
  o: Common<R> & { enumType: string; catalogue: Catalogue; enumDeclared?: boolean },
): FieldSpec<string, NoInfer<R>> {
  return base<string, R>(
    o,
    {
      type: 'enum',
      gqlType: o.enumType,
      enumType: o.enumType,
      catalogue: o.catalogue,
      ...(o.enumDeclared ? { enumDeclared: true } : {}),
      column: (n) => text(n),
      ...identity,
    },
    (v, at, p) => {
      if (typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(o.catalogue, v))
        return void p.add(at, `${o.label}: giá trị không có trong danh mục.`, 'UNKNOWN_VALUE');
      return v;
    },
  );
}

/** Several values of a catalogue, each once, kept in the catalogue's order. */
export function setOf(o: Common<false> & { enumType: string; catalogue: Catalogue; min?: number; enumDeclared?: boolean }): FieldSpec<string[], false> {
  const keys = Object.keys(o.catalogue);
  return base<string[], false>(
    { ...o, required: false },
    {
      type: 'enumSet',
      gqlType: `[${o.enumType}!]`,
      enumType: o.enumType,
      catalogue: o.catalogue,
      ...(o.enumDeclared ? { enumDeclared: true } : {}),
      column: (n) => text(n),
      toDb: (v) => JSON.stringify(v ?? []),
      fromDb: (v) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : []),
    },
    (v, at, p) => {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !keys.includes(x)))
        return void p.add(at, `${o.label}: có giá trị không có trong danh mục.`, 'UNKNOWN_VALUE');
      if (v.length < (o.min ?? 0)) return void p.add(at, `${o.label}: cần chọn ít nhất ${o.min}.`, 'REQUIRED');
      return keys.filter((k) => (v as string[]).includes(k));
    },
  );
}

/**
 * An id another organization gave (a police receipt, a hotspot, a pseudonymous case): letters, digits,
 * - and _ only, so that a name or a story cannot be typed in its place.
 */
export function code<R extends boolean = true>(
  o: Common<R> & { id?: boolean; check?: (v: string, at: string, p: Problems) => void; ref?: ReferenceSpec },
): FieldSpec<string, NoInfer<R>> {
  return base<string, R>(
    o,
    { type: 'code', gqlType: o.id ? 'ID' : 'String', column: (n) => text(n), ...identity, ...(o.ref ? { ref: o.ref } : {}) },
    (v, at, p) => {
      if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_:@.-]{0,79}$/.test(v.trim()))
        return void p.add(at, `${o.label} không đúng dạng mã (chữ, chữ số và dấu gạch): không ghi họ tên hay nội dung vào đây.`, 'INVALID_CODE');
      if (o.check) {
        const before = p.list.length;
        o.check(v.trim(), at, p);
        if (p.list.length > before) return undefined;
      }
      return v.trim();
    },
  );
}

/** Several ids (of organizations, of other records elsewhere), each once; `allowed` says which are acceptable. */
export function codes(o: Common<false> & { allowed: (v: string) => boolean; what: string; unknownReason?: string }): FieldSpec<string[], false> {
  return base<string[], false>(
    { ...o, required: false },
    {
      type: 'codes',
      gqlType: '[ID!]',
      column: (n) => text(n),
      toDb: (v) => JSON.stringify(v ?? []),
      fromDb: (v) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : []),
    },
    (v, at, p) => {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !o.allowed(x)))
        return void p.add(at, `${o.label}: chỉ nhận ${o.what}.`, o.unknownReason ?? 'UNKNOWN_VALUE');
      return [...new Set(v as string[])];
    },
  );
}

export function bool<R extends boolean = true>(o: Common<R>): FieldSpec<boolean, NoInfer<R>> {
  return base<boolean, R>(
    o,
    {
      type: 'bool',
      gqlType: 'Boolean',
      column: (n) => integer(n, { mode: 'boolean' }),
      toDb: (v) => (v == null ? null : v ? 1 : 0),
      fromDb: (v) => (v == null ? null : Boolean(v)),
    },
    (v, at, p) => {
      if (typeof v !== 'boolean') return void p.add(at, `${o.label} phải là đúng hoặc sai.`, 'INVALID_BOOLEAN');
      return v;
    },
  );
}

export const field = { date, unit, record: recordRef, text: textField, count, oneOf, setOf, code, codes, bool };

/** The value type of a map of field specs (optional fields may be null). */
export type ValuesOf<F extends Record<string, FieldSpec>> = {
  [K in keyof F]: F[K] extends FieldSpec<infer T, infer R> ? (R extends true ? T : T | null) : never;
};

/** snake_case of a camelCase key: incidentsFound → incidents_found. */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The column of a field: its own name if it has one, else the snake_case of its key. */
export function columnOf(key: string, f: FieldSpec | undefined): string {
  return f?.dbName ?? snake(key);
}
