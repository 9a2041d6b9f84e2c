/**
 * The GraphQL types of the kinds of a subgraph, generated from their declarations: the record (an
 * entity), its versions, a page of them, its counts, the inputs to record and correct it, the root
 * list, and the mutations to record, correct, void and (for kinds with personal fields) erase.
 */
import type { FieldSpec } from './fields.js';
import type { RecordKind } from './kind.js';
import { RECORD_PAGE_MAX } from './repository.js';
import { BASIS_FIELD_SDL, FIGURES_ARG_SDL } from '../reports/basis-sdl.js';

function str(s: string): string {
  return JSON.stringify(s);
}

function block(s: string): string {
  return `"""\n${s.replace(/"""/g, '\\"""')}\n"""`;
}

function classOf(f: FieldSpec): string {
  return f.dataClass ? ` @dataClass(class: ${f.dataClass})` : '';
}

/** The enum of a catalogue, values in the catalogue's order, each with its description. */
export function catalogueEnumSdl(name: string, description: string, catalogue: Readonly<Record<string, string>>): string {
  return `${str(description)}\nenum ${name} {\n${Object.entries(catalogue)
    .map(([k, d]) => `  ${str(d)}\n  ${k}`)
    .join('\n')}\n}`;
}

const TIME_ARGS = `"What the graph held at this instant (asRecordedAt): corrections and voids made later are ignored; what a locked report shows. Default: now." asRecordedAt: DateTime, "Only records whose own date is on or before this day, as known now (effectiveOn). Default: every date." effectiveOn: Date`;

export const RECORD_STATUS_SDL = `
"Whether a record stands (trạng thái bản ghi)."
enum RecordStatus {
  "The record stands and counts (hiệu lực)."
  ACTIVE
  "The record was voided with a reason: it no longer counts, its versions stay readable (đã hủy)."
  VOIDED
}
`;

/**
 * How an input field's description ends: the field's Vietnamese label, the one the server's messages
 * name it by (`Nhãn: Ngày tuần tra.`). Forms built from the schema (the staff workbench) read it there.
 */
export const FORM_LABEL = 'Nhãn: ';

function fieldLines(kind: RecordKind, mode: 'output' | 'input' | 'changes'): string {
  return Object.entries(kind.spec.fields)
    .filter(([, f]) => mode === 'output' || !f.derived)
    .map(([key, f]) => {
      if (mode === 'output') {
        const name = kind.outputName(key);
        // A personal field may be erased, and a record pointed at may not be the caller's to see: nullable.
        const nonNull = f.required && !f.dataClass && f.type !== 'record' ? '!' : '';
        const type = f.type === 'enumSet' || f.type === 'codes' ? `${f.gqlType}!` : `${f.gqlType}${nonNull}`;
        return `  ${str(f.description)}\n  ${name}: ${type}${classOf(f)}`;
      }
      const inputType = f.type === 'unit' || f.type === 'record' ? 'ID' : f.gqlType;
      const nonNull = mode === 'input' && f.required && f.default === undefined ? '!' : '';
      // The Vietnamese label the server's messages name the field by: forms built from the schema show it.
      return `  ${str(`${f.description} ${FORM_LABEL}${f.label}.`)}\n  ${key}: ${inputType}${nonNull}`;
    })
    .join('\n');
}

function filterArgs(kind: RecordKind): string {
  return (kind.spec.filters ?? [])
    .map((key) => {
      const f = kind.spec.fields[key]!;
      const type = f.type === 'unit' || f.type === 'record' ? 'ID' : f.type === 'enumSet' ? f.enumType : f.type === 'codes' ? 'ID' : f.gqlType;
      return `${str(`Only records with this ${key}.`)} ${key}: ${type}, `;
    })
    .join('');
}

/** The lists a kind's records get of the records pointing at them (`field.record({ children })`). */
function childrenSdl(kinds: readonly RecordKind[]): string[] {
  return kinds.flatMap((child) =>
    Object.entries(child.spec.fields).flatMap(([, f]) =>
      f.type === 'record' && f.refKind && f.children
        ? [`extend type ${f.refKind().spec.type} {\n  ${str(f.children.description)}\n  ${f.children.field}: [${child.spec.type}!]!\n}`]
        : [],
    ),
  );
}

export function kindSdl(kind: RecordKind): string {
  const s = kind.spec;
  const T = s.type;
  const cls = s.dataClass ?? 'INTERNAL';
  const noun = s.nounVi;
  const bookkeeping = `
  "Version (phiên bản): 1 when first recorded, one more for each correction or void."
  version: Int!
  "Whether the record stands or was voided (trạng thái)."
  ${kind.statusField}: RecordStatus!
  "When this version was recorded (thời điểm của phiên bản)."
  versionRecordedAt: DateTime!
  "Why this version was made: the reason given for the correction or void (lý do); null for the first version."
  reason: String
  "Fields this version changed from the one before (trường đã sửa)."
  changedFields: [String!]!
  "Personal fields erased in every version under the Personal Data Protection Law (trường đã xóa)."
  erasedFields: [String!]!`;
  const branch = s.branch ? `\n  "The organization's branch that answers for it (chi hội, cơ sở)."\n  branch: Branch!` : '';
  const counts = s.counts;
  const sumFields = Object.entries(counts?.sums ?? {})
    .map(([name, sum]) => `  ${str(sum.description)}\n  ${name}: Int!`)
    .join('\n');
  const byField = counts?.by ? s.fields[counts.by.field]! : null;
  const parts = [
    `${block(s.description)}
type ${T} @key(fields: "id") @dataClass(class: ${cls}) {
  ${str(s.idDescription ?? 'Record id (mã bản ghi): opaque, never given to another record.')}
  id: ID!
${fieldLines(kind, 'output')}${branch}${bookkeeping}
  "When the record was first recorded (thời điểm ghi nhận)."
  recordedAt: DateTime!
  "True for generated demo data."
  demo: Boolean!
  "Every version of the record, oldest first (lịch sử thay đổi): who changed what, when and why."
  history: [${T}Version!]!
}`,
    `"One version of a ${T}: its fields as they stood then, who made it and why."
type ${T}Version @dataClass(class: ${cls}) {
${fieldLines(kind, 'output')}${branch}${bookkeeping}
  "Who recorded this version (user id)."
  recordedBy: String!
}`,
    `"A page of ${T} records, newest first."
type ${T}Connection @dataClass(class: ${cls}) {
  "The records on this page."
  nodes: [${T}!]!
  "How many match the filter in all."
  totalCount: Int!
  "Where this page ends."
  pageInfo: PageInfo!
}`,
    `"What a new ${T} says (every field is checked and every problem reported at once)."
input Record${T}Input {
${fieldLines(kind, 'input')}
}`,
    `"The fields of a ${T} to correct; fields left out keep their values."
input Correct${T}Input {
${fieldLines(kind, 'changes')}
}`,
    `extend type Query {
  ${str(`${T} records of a unit (and below it) in a period, newest first; voided ones only when asked.`)}
  ${s.list}("Unit id; default: your jurisdiction." unitId: ID, "Period id, e.g. 2021-PLAN-Y; default: every date." periodId: ID, ${filterArgs(kind)}"Only records dated on or after this day (từ ngày); narrows the period." from: Date, "Only records dated on or before this day (đến ngày); narrows the period." to: Date, ${TIME_ARGS}, "Include voided records (default false)." includeVoided: Boolean = false, "Only the records standing (ACTIVE) or only the voided ones (VOIDED) (trạng thái bản ghi); overrides includeVoided." recordStatus: RecordStatus, "Page size, 1 to ${RECORD_PAGE_MAX}." first: Int = 50, "Cursor from the previous page." after: String): ${T}Connection!${
    s.one
      ? `
  ${str(`One ${T} by id; null when there is none or it is not yours to see.`)}
  ${s.one}("Record id." id: ID!, "Read it as it stood at this instant (default: now)." asRecordedAt: DateTime): ${T}`
      : ''
  }
}`,
    `extend type Mutation {
  ${str(`Record a ${T} (ghi nhận ${noun}). With clientKey, a retry returns the record made the first time; the same key with other content is refused.`)}
  ${s.create}("What it says." input: Record${T}Input!, "A key the client makes once per record (e.g. a UUID), so that a retry after a timeout does not record it twice." clientKey: String, "Why it is recorded now (lý do), at least 5 characters: required when its date falls in a period an approved report covers (the report then gets a new version to approve)." reason: String): ${T}
  ${str(`Correct a ${T} (đính chính ${noun}): a new version; the previous one stays readable in its history.`)}
  ${kind.correctMutation}("Record id." id: ID!, "The fields to change." changes: Correct${T}Input!, "Why (lý do đính chính), at least 5 characters." reason: String!): ${T}
  ${str(`Void a ${T} (hủy ${noun}): it stops counting; its versions stay readable.`)}
  ${kind.voidMutation}("Record id." id: ID!, "Why (lý do hủy), at least 5 characters." reason: String!): ${T}${
    kind.eraseMutation
      ? `
  ${str(`Erase a personal field of a ${T} in every version (xóa dữ liệu cá nhân), on a legal basis; counts do not change.`)}
  ${kind.eraseMutation}("Record id." id: ID!, "The field to erase." field: ${T}PersonalField!, "The legal basis, e.g. the data subject's request under Law 91/2025/QH15 Art. 14." legalBasis: String!): ${T}`
      : ''
  }
}`,
  ];
  if (kind.eraseMutation)
    parts.push(
      `"Personal fields of a ${T} that an erasure may empty."\nenum ${T}PersonalField {\n${kind.personalFields.map((k) => `  ${str(s.fields[k]!.description)}\n  ${k}`).join('\n')}\n}`,
    );
  if (counts) {
    if (!counts.sharedTypes) {
      if (counts.by && byField) {
        parts.push(`${str(`${T} records with one ${counts.by.field}.`)}
type ${counts.by.type} @dataClass(class: PUBLIC_AGGREGATE) {
  "The value."
  ${counts.by.field}: ${byField.enumType}!
  "Records with it."
  count: Int${counts.cells ? '' : '!'}
${sumFields}
}`);
      }
      parts.push(`${str(counts.description)}
type ${counts.type} @dataClass(class: PUBLIC_AGGREGATE) {
  ${str(counts.countDescription)}
  ${counts.countField ?? 'count'}: Int${counts.cells ? '' : '!'}
${sumFields}${counts.by ? `\n  ${str(counts.by.description)}\n  ${counts.by.as}: [${counts.by.type}!]!` : ''}
  ${BASIS_FIELD_SDL}
}`);
    }
    parts.push(`extend type ${kind.prefix}UnitRecords {
  ${str(`${counts.description} Current versions, voided records excluded; asRecordedAt and effectiveOn read another time.`)}
  ${counts.field}("Period id, e.g. 2021-PLAN-Y." periodId: ID!, ${TIME_ARGS}, ${FIGURES_ARG_SDL}): ${counts.type} @dataClass(class: PUBLIC_AGGREGATE)
}`);
  }
  return parts.join('\n\n');
}

/** The SDL of a subgraph's kinds, with each catalogue enum declared once. */
export function kindsSdl(kinds: readonly RecordKind[], enumDescriptions: Readonly<Record<string, string>> = {}): string {
  const enums = new Map<string, string>();
  for (const k of kinds)
    for (const f of Object.values(k.spec.fields)) {
      if (f.enumType && f.catalogue && !f.enumDeclared && !enums.has(f.enumType))
        enums.set(f.enumType, catalogueEnumSdl(f.enumType, enumDescriptions[f.enumType] ?? f.description, f.catalogue));
    }
  return [RECORD_STATUS_SDL, ...enums.values(), ...kinds.map(kindSdl), ...childrenSdl(kinds)].join('\n\n');
}
