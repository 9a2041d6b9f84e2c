/**
 * What the staff workbench learns from the schema itself (introspection, the same any client may run):
 * the kinds of record an organization keeps (a `record<T>` mutation with its `Record<T>Input`, a
 * `correct<T>`, a `void<T>` and a root list returning `<T>Connection`), their input types, and the
 * catalogues (enums) with the Vietnamese term of each value. Labels are Vietnamese: an input field's
 * description ends with `Nhãn: <label>.` (the name the server's messages give the field), an enum
 * value's and a mutation's description carry the Vietnamese term in parentheses.
 */
import { query } from './api';

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  description: string | null;
  type: TypeRef;
}
interface Field extends InputValue {
  args: InputValue[];
}
interface FullType {
  name: string;
  kind: string;
  description: string | null;
  fields: Field[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string; description: string | null }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const FULL_TYPE = `name kind description
  fields { name description type { ${TYPE_REF} } args { name description type { ${TYPE_REF} } } }
  inputFields { name description type { ${TYPE_REF} } }
  enumValues { name description }`;

/** The named type under NON_NULL and LIST wrappers. */
export function named(t: TypeRef): TypeRef {
  let r = t;
  while (r.ofType) r = r.ofType;
  return r;
}
export const isRequired = (t: TypeRef): boolean => t.kind === 'NON_NULL';
export const isList = (t: TypeRef): boolean => (t.kind === 'NON_NULL' ? t.ofType!.kind === 'LIST' : t.kind === 'LIST');

/** Labels of inputs written by hand (not generated from a kind) whose description has no Vietnamese term. */
const HAND_WRITTEN: Record<string, string> = {
  answeredOn: 'Ngày trả lời',
};

/** The Vietnamese term in a description: `Nhãn: …` first, then the last parenthesis with a Vietnamese letter. */
export function vietnameseLabel(description: string | null | undefined, name?: string): string | null {
  if (name && HAND_WRITTEN[name] && !description?.includes('Nhãn: ')) return HAND_WRITTEN[name];
  if (!description) return null;
  const label = /Nhãn: ([^\n]+?)\.?\s*$/.exec(description);
  if (label) return label[1]!;
  const terms = [...description.matchAll(/\(([^()]*[à-ỹđ][^()]*)\)/gi)].map((m) => m[1]!);
  const term = terms[terms.length - 1];
  return term ? term.charAt(0).toUpperCase() + term.slice(1) : null;
}

const typeCache = new Map<string, Promise<FullType | null>>();

/** One type of the schema, by name (kept for the page's life). */
export function schemaType(token: string, name: string): Promise<FullType | null> {
  let t = typeCache.get(name);
  if (!t) {
    t = query<{ __type: FullType | null }>(token, `query WorkbenchType($n: String!) { __type(name: $n) { ${FULL_TYPE} } }`, { n: name }).then((d) => d.__type);
    typeCache.set(name, t);
  }
  return t;
}

/** An enum's values with their Vietnamese labels, in the schema's order. */
export async function catalogue(token: string, name: string): Promise<{ value: string; label: string }[]> {
  const t = await schemaType(token, name);
  return (t?.enumValues ?? []).map((v) => ({ value: v.name, label: vietnameseLabel(v.description) ?? v.name }));
}

export interface FormField {
  name: string;
  label: string;
  description: string;
  required: boolean;
  list: boolean;
  /** The named type: String, Int, Date, Boolean, ID or an enum's name. */
  type: string;
  isEnum: boolean;
}

/** The fields of an input type, ready to render as a form. */
export async function formFields(token: string, inputType: string): Promise<FormField[]> {
  const t = await schemaType(token, inputType);
  if (!t?.inputFields) return [];
  return Promise.all(
    t.inputFields.map(async (f) => {
      const n = named(f.type);
      return {
        name: f.name,
        label: vietnameseLabel(f.description, f.name) ?? f.name,
        description: f.description ?? '',
        required: isRequired(f.type),
        list: isList(f.type),
        type: n.name!,
        isEnum: n.kind === 'ENUM',
      };
    }),
  );
}

/** A kind of record the organization keeps, as the schema shows it. */
export interface RecordKindInfo {
  /** The record's type, e.g. WomenActivity. */
  type: string;
  /** In Vietnamese, from the mutation's description (hoạt động). */
  noun: string;
  list: string;
  create: string;
  correct: string | null;
  void: string | null;
  inputType: string;
  changesType: string | null;
}

const unwrapName = (t: TypeRef) => named(t).name!;

/** Every kind of record with a `record…` mutation, a correction input and a root list, for a type prefix (Women). */
export async function recordKinds(token: string, prefix: string): Promise<RecordKindInfo[]> {
  const [q, m] = await Promise.all([schemaType(token, 'Query'), schemaType(token, 'Mutation')]);
  const lists = new Map((q?.fields ?? []).filter((f) => unwrapName(f.type).endsWith('Connection')).map((f) => [unwrapName(f.type), f.name]));
  const mutations = m?.fields ?? [];
  const kinds: RecordKindInfo[] = [];
  for (const f of mutations) {
    const input = f.args.find((a) => a.name === 'input');
    const inputType = input ? unwrapName(input.type) : '';
    const type = unwrapName(f.type);
    // Reports have their own workflow (preview, submit, approve), not the record forms.
    if (!type.startsWith(prefix) || inputType !== `Record${type}Input` || type === `${prefix}Report`) continue;
    const list = lists.get(`${type}Connection`);
    if (!list) continue;
    const correct = mutations.find((g) => g.args.some((a) => a.name === 'changes' && unwrapName(a.type) === `Correct${type}Input`));
    const voider = mutations.find((g) => g.name.startsWith('void') && unwrapName(g.type) === type && g.args.some((a) => a.name === 'reason'));
    const noun = /\(ghi nhận ([^)]+)\)/.exec(f.description ?? '')?.[1] ?? type;
    kinds.push({
      type,
      noun,
      list,
      create: f.name,
      correct: correct?.name ?? null,
      void: voider?.name ?? null,
      inputType,
      changesType: correct ? `Correct${type}Input` : null,
    });
  }
  return kinds;
}

/** The output fields of a record type that a list can show: scalars and enums (not lists, not objects), and the unit's name. */
export interface Column {
  name: string;
  label: string;
  select: string;
  /** The enum whose Vietnamese terms the cells show. */
  isEnum: string | null;
  /** A list (read to fill a correction's form, not shown as a column). */
  list: boolean;
}

export async function listColumns(token: string, type: string, inputType: string): Promise<Column[]> {
  const [t, input] = await Promise.all([schemaType(token, type), schemaType(token, inputType)]);
  const out = new Map((t?.fields ?? []).map((f) => [f.name, f]));
  const cols: Column[] = [];
  for (const f of input?.inputFields ?? []) {
    const label = vietnameseLabel(f.description, f.name) ?? f.name;
    if (f.name === 'unitId' && out.has('unit')) {
      cols.push({ name: 'unit', label, select: 'unit { id name }', isEnum: null, list: false });
      continue;
    }
    const o = out.get(f.name);
    if (!o) continue;
    const n = named(o.type);
    if (n.kind === 'SCALAR' || n.kind === 'ENUM')
      cols.push({ name: f.name, label, select: f.name, isEnum: n.kind === 'ENUM' ? n.name : null, list: isList(o.type) });
  }
  return cols;
}

/** The record's standing field: `status`, or `recordStatus` where a kind's own status means something else. */
export async function statusField(token: string, type: string): Promise<string> {
  const t = await schemaType(token, type);
  const f = (t?.fields ?? []).find((x) => (x.name === 'recordStatus' || x.name === 'status') && named(x.type).name === 'RecordStatus');
  return f?.name ?? 'status';
}

/** A catalogue filter a kind's root list takes (an activity's `type`): the argument, its enum and a label. */
export interface ListFilterArg {
  name: string;
  enumType: string;
  label: string;
}

/** The arguments of a root list that filter by a catalogue of the kind's own (the framework's `filters`). */
export async function listFilters(token: string, list: string): Promise<ListFilterArg[]> {
  const q = await schemaType(token, 'Query');
  const field = q?.fields?.find((f) => f.name === list);
  return (field?.args ?? [])
    .filter((a) => a.type.kind === 'ENUM' && a.type.name !== 'RecordStatus')
    .map((a) => ({ name: a.name, enumType: a.type.name!, label: vietnameseLabel(a.description, a.name) ?? a.name }));
}
