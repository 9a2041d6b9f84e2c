/**
 * A kind of record, declared once: its fields, their checks, the catalogue of its enums, its data class,
 * who may read it, what it counts and what it may not contradict. Its table, SDL, repository and
 * resolvers follow from the declaration (table.ts, sdl.ts, repository.ts, resolvers.ts), so a new kind
 * is one declaration and no kind can drift from the others.
 *
 * Every record is kept as versions: a correction or a void adds a version and marks the previous one
 * superseded; nothing is overwritten except by an audited erasure of a personal field.
 */
import type { DataClass } from '@antt/auth';
import { ORGANIZATIONS, type AdminUnit, type OrganizationId } from '@antt/reference';
import type { FieldSpec, ValuesOf } from './fields.js';
import type { Problems } from './problems.js';

/** Who may read the records themselves (counts are for leadership and dashboards too). */
export type Visibility = 'records' | 'own-staff' | 'monitored' | 'steering';

/** Who writes: the caller's organization and id, as a kind's own rules may need them. */
export interface Caller {
  userId: string;
  /** The organization whose staff the caller is, or null (leadership, dashboards). */
  organization: OrganizationId | null;
}

export interface SumSpec<K extends string> {
  /** The field whose values are added up. */
  of: K;
  description: string;
}

export interface CountsSpec<K extends string> {
  /** The field on `<P>UnitRecords`, e.g. `patrols`. */
  field: string;
  /** The summary type, e.g. `VeteransPatrolSummary`. */
  type: string;
  description: string;
  /** What `count` counts, e.g. "Patrols (số ca tuần tra)." */
  countDescription: string;
  /** The name of the count in the summary type (default `count`). */
  countField?: string;
  /** The summary and breakdown types are declared elsewhere (shared by several organizations' subgraphs, alike in each). */
  sharedTypes?: boolean;
  /** Sums of count fields, under their own names (`memberTurns: { of: 'members' }`). */
  sums?: Record<string, SumSpec<K>>;
  /** A breakdown by an enum field, every value of its catalogue listed (zeros included). */
  by?: { field: K; as: string; type: string; description: string };
  /**
   * Tags the figures of a summary with their cells of the published set (a sensitive family under
   * disclosure control, @antt/disclosure tagCell), given the unit and the time the summary was asked for.
   * Its count fields are then nullable: hidden (null) where the served pattern hides them.
   */
  cells?: (
    summary: Record<string, unknown>,
    where: { unitId: string; periodId: string; asRecordedAt?: string | null; effectiveOn?: string | null },
  ) => Record<string, unknown>;
}

/** What a kind's own checks may use beyond the values: the unit, the organization, the day. */
export interface CheckContext {
  org: OrganizationId;
  /** The record's unit, when it exists on the record's date. */
  unit: AdminUnit | null;
  today: string;
  problems: Problems;
  /** `input.<name>`: the path a problem names. */
  at(name: string): string;
  /** Another record of the organization, current and as the caller may see it (null when not), e.g. a visit's support. */
  lookup(kind: RecordKind, id: string): Record<string, unknown> | null;
  /** The record being corrected (null for a new one): its own id, so that a rule does not find it contradicting itself. */
  self: string | null;
  /** Who writes. */
  caller: Caller;
}

export interface KindSpec<F extends Record<string, FieldSpec>> {
  org: OrganizationId;
  /** The GraphQL type, e.g. VeteransPatrol. */
  type: string;
  /** The SQL table, plural snake_case, e.g. veterans_patrols. */
  table: string;
  /** A short word naming the kind in new record ids, e.g. patrol. */
  slug: string;
  /** The schema's description of one record. */
  description: string;
  /** One record in Vietnamese, for messages, e.g. "ca tuần tra". */
  nounVi: string;
  /** The root list field, e.g. veteransPatrols. */
  list: string;
  /** The root mutation that records one, e.g. recordVeteransPatrol; correct<Type> and void<Type> follow. */
  create: string;
  /** A root field reading one record by id (null when missing or not the caller's to see), e.g. veteransPatrol. */
  one?: string;
  /** Fields the root list may be filtered by, each an optional argument of the same name (equality). */
  filters?: readonly (keyof F & string)[];
  /**
   * Fields the kind's counts group or sum by (besides the unit, the date and the status). The current
   * versions' index carries them, so a count reads the index alone and never the rows: a province's
   * activity counts over 100,000 records read 7 ms instead of 34 (issue 17, the national data set).
   * Leave it out for a kind counted rarely: every field named widens the index each write updates.
   */
  countedColumns?: readonly (keyof F & string)[];
  /**
   * Fields other organizations' references find this kind's records by (a reference's `by`: a tip by
   * the receipt the sending organization keeps). Each gets an index of the current versions, so the
   * owner answers a reference check without reading the table (issue 17: a tip handover's check read
   * every tip of the province). test/reference-index.test.ts fails for a `by` not declared here.
   */
  lookedUpBy?: readonly (keyof F & string)[];
  fields: F;
  /** The record's own date: periods, `effectiveOn` and attribution go by it. */
  dateField: keyof F & string;
  /** The unit the record is kept under (a field made with `field.unit`, its key ending in Id). */
  unitField: keyof F & string;
  /** Whether the record names the organization's branch that answers for the unit on the date. */
  branch?: boolean;
  /** Default INTERNAL. */
  dataClass?: DataClass;
  /**
   * Who may read: `records` (the organization's staff and leadership), `own-staff` (its staff only),
   * `monitored` (also the Front's and the police's staff, who monitor every organization's part of the plan),
   * `steering` (a steering committee's own records: also the monitors' staff and the committees' members).
   */
  visibility?: Visibility;
  /**
   * Who reads the kind's counts beyond those who read its records, leadership, steering committees and
   * dashboards: 'monitors' (the Front's and the police's staff). One decision for every count of the kind.
   */
  countedBy?: 'monitors';
  /**
   * Who may record one, when not only the organization's own staff (an opinion is handed over by the
   * Front or the forum's host too): checked on the values, before the jurisdiction. Corrections stay
   * the organization's.
   */
  writers?(v: Record<string, unknown>, caller: Caller): boolean;
  /** The message when `writers` refuses. */
  writersMessage?: string;
  /** The description of the record's id, when other subgraphs describe it too (a model known elsewhere by its key). */
  idDescription?: string;
  /** The GraphQL name of the record's standing (ACTIVE/VOIDED), when `status` means something else for the kind (a model's status). Default `status`. */
  statusField?: string;
  /**
   * Computes the fields declared `derived` from the others (a visit's commune from its support); runs
   * before the checks, with `lookup` for the records pointed at. Leaves a field undefined when it cannot.
   */
  derive?(v: ValuesOf<F>, c: CheckContext): { [K in keyof F]?: unknown };
  /** Checks across fields, after each field's own; adds problems (never throws). */
  check?(v: ValuesOf<F>, c: CheckContext): void;
  /**
   * What a record of this kind may not contradict: two current records with the same key (a null key:
   * no constraint for this record). The message names the existing record, so that the user corrects it
   * instead of adding a second one.
   */
  unique?: { key(v: ValuesOf<F>): string | null; message(existingId: string): string; field: keyof F & string; reason?: string };
  counts?: CountsSpec<keyof F & string>;
  /**
   * A line a report shows beside the kind's count for a period, read from the records dated in it (a
   * steering committee consolidated: yes, by which decision; or not). Null: nothing beyond the count.
   */
  reportDetail?(records: Record<string, unknown>[]): string | null;
  /**
   * A valid record, as a user would type it (documentation, and the generic suite that runs over every
   * kind); and a correction of it that the kind's checks accept.
   */
  example: { [K in keyof F]?: unknown };
  exampleChange: { [K in keyof F]?: unknown };
}

/** A declared kind, its field types erased: lists of kinds mix kinds of different fields. */
export interface RecordKind {
  readonly spec: KindSpec<Record<string, FieldSpec>>;
  /** The organization's type prefix, e.g. Veterans. */
  readonly prefix: string;
  /** Output name of a field: unitId → unit. */
  outputName(key: string): string;
  /** Keys of the fields more protected than their record (erasable). */
  readonly personalFields: string[];
  readonly correctMutation: string;
  readonly voidMutation: string;
  readonly eraseMutation: string | null;
  /** The GraphQL name of the record's standing (default `status`). */
  readonly statusField: string;
}

/** Declares a kind; the field types check the declaration's own rules (check, unique), then are erased. */
export function defineKind<F extends Record<string, FieldSpec>>(declared: KindSpec<F>): RecordKind {
  const spec = declared as unknown as KindSpec<Record<string, FieldSpec>>;
  for (const [k, f] of Object.entries(spec.fields))
    if ((f.type === 'unit' || f.type === 'record') && !k.endsWith('Id')) throw new Error(`${spec.type}.${k}: a unit or record field's key must end in Id`);
  const personalFields = Object.entries(spec.fields)
    .filter(([, f]) => f.dataClass && f.dataClass !== 'PUBLIC_AGGREGATE' && f.dataClass !== 'INTERNAL')
    .map(([k]) => k);
  return {
    spec,
    prefix: ORGANIZATIONS[spec.org].typePrefix,
    outputName: (key) => (spec.fields[key]?.type === 'unit' || spec.fields[key]?.type === 'record' ? key.replace(/Id$/, '') : key),
    personalFields,
    correctMutation: `correct${spec.type}`,
    voidMutation: `void${spec.type}`,
    eraseMutation: personalFields.length ? `erase${spec.type}PersonalData` : null,
    statusField: spec.statusField ?? 'status',
  };
}

/**
 * A kind made for each organization that keeps it (`VeteransTipHandover`, `WomenActivity`): the same
 * object every time it is asked for, since the framework keys its prepared statements and references by kind.
 */
export function perOrganization(make: (org: OrganizationId) => RecordKind): (org: OrganizationId) => RecordKind {
  const made = new Map<OrganizationId, RecordKind>();
  return (org) => {
    let k = made.get(org);
    if (!k) made.set(org, (k = make(org)));
    return k;
  };
}
