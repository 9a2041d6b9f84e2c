/**
 * Enforcing data classes inside a subgraph. Every field's class is its own @dataClass, else its
 * type's, else INTERNAL; a root field takes the class of the type it returns. The check wraps every
 * field resolver and every entity's __resolveReference, so an entity reached through another
 * subgraph (_entities) gets the same check as one reached from a root field. Reads of personal,
 * sensitive and crime-source data are recorded, and so is every denial.
 */
import type { ConstDirectiveNode, GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { authorize, forbidden, isDataClass, type DataClass } from '@antt/auth';
import { cellRefOf, disclosureParameters, fieldCellOf, servedPatterns } from '@antt/disclosure';
import type { OrganizationId } from '@antt/reference';
import type { SubgraphContext } from './context.js';
import { sqliteOf } from './db.js';
import { defaultFieldResolver, getNamedType, isNonNullType, isObjectType } from './graphql-structural.js';

export const DATA_CLASS_SPEC = 'https://antt-graph.sonla.gov.vn/data-class/v1.0';

/** SDL shared by every subgraph (in the reference module), so that it composes identically. */
export const dataClassSdl = `
  """
  How protected a type or field is (phân loại dữ liệu); enforced by every subgraph and by the gateway.
  suppressSmall: a count from 1 to the disclosure threshold minus one (ANTT_DISCLOSURE_THRESHOLD, default
  5; one setting for every field, the published set's pattern and its audit) is hidden from callers who
  may not read the records it counts, so that a small number cannot point to a person.
  """
  directive @dataClass(class: DataClass!, suppressSmall: Boolean) on OBJECT | FIELD_DEFINITION | INTERFACE

  "Data classes (loại dữ liệu), from least to most protected; the audit trail apart."
  enum DataClass {
    "Counts, indicators and reference data: every authenticated caller, dashboards included (số liệu tổng hợp)."
    PUBLIC_AGGREGATE
    "Organizations' records: organization staff and provincial leadership (nội bộ)."
    INTERNAL
    "Personal data: staff of the organization that owns it (dữ liệu cá nhân cơ bản)."
    PERSONAL
    "Sensitive personal data: ethnicity, victims, criminal history (dữ liệu cá nhân nhạy cảm)."
    SENSITIVE_PERSONAL
    "A crime tip's source: police investigators only (nguồn tin tố giác)."
    CRIME_SOURCE
    "The audit trail: the owner's leaders and auditors and the provincial auditor only (nhật ký truy cập)."
    AUDIT_TRAIL
  }
`;

interface ClassSpec {
  cls: DataClass;
  /** Whether small counts are hidden (under the threshold ANTT_DISCLOSURE_THRESHOLD decides). */
  suppressSmall: boolean;
}

function readDirective(nodes: readonly (readonly ConstDirectiveNode[] | undefined)[]): ClassSpec | null {
  for (const list of nodes) {
    const d = list?.find((x) => x.name.value === 'dataClass');
    if (!d) continue;
    const cls = d.arguments?.find((a) => a.name.value === 'class')?.value;
    const sup = d.arguments?.find((a) => a.name.value === 'suppressSmall')?.value;
    const value = cls && cls.kind === 'EnumValue' ? cls.value : undefined;
    if (!isDataClass(value)) throw new Error('@dataClass needs a class');
    return { cls: value, suppressSmall: !!sup && sup.kind === 'BooleanValue' && sup.value };
  }
  return null;
}

export function typeClass(type: GraphQLObjectType): ClassSpec | null {
  return readDirective([type.astNode?.directives, ...type.extensionASTNodes.map((n) => n.directives)]);
}

export function fieldClass(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, schema: GraphQLSchema): ClassSpec {
  const own = readDirective([field.astNode?.directives]);
  if (own) return own;
  // A write is at least INTERNAL whatever it returns: dashboards never write.
  if (type === schema.getMutationType()) return { cls: 'INTERNAL', suppressSmall: false };
  if (type === schema.getQueryType()) {
    const ret = getNamedType(field.type);
    return (isObjectType(ret) ? typeClass(ret) : null) ?? { cls: ret.name.startsWith('_') ? 'PUBLIC_AGGREGATE' : 'INTERNAL', suppressSmall: false };
  }
  return { ...(typeClass(type) ?? { cls: 'INTERNAL', suppressSmall: false }), suppressSmall: false };
}

/** A record's id for the audit trail: its `id` field, else nothing (never a value). */
function recordId(source: unknown): string | null {
  const id = (source as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** The outcome of a lookup by id that answered null: the record does not exist or the caller's scope does not reach it. */
export const NULL_ANSWER = 'NOT_FOUND_OR_FORBIDDEN';

/** The ids a field was asked for (`id`, `tipId`, `ids`…), never other arguments' values. */
function idArgs(args: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(args ?? {})) {
    if (!(k === 'id' || k === 'ids' || /[a-z]Ids?$/.test(k))) continue;
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' || typeof x === 'number') out.push(String(x));
  }
  return out;
}

/** The ids of the records a field answered (a record, or a list or page of them). */
function recordIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(recordIds);
  const nodes = (value as { nodes?: unknown } | null)?.nodes;
  if (Array.isArray(nodes)) return nodes.flatMap(recordIds);
  const id = recordId(value);
  return id === null ? [] : [id];
}

function isPromise(v: unknown): v is Promise<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

function errorCode(e: unknown): string {
  const code = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Wraps the schema's resolvers in place with the data-class checks of organization `owner`.
 * Federation's own fields (_entities, _service) are guarded by the gateway credential instead.
 */
export function enforceDataClasses(schema: GraphQLSchema, owner: OrganizationId): GraphQLSchema {
  let guarded = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === '_Service') continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      guarded++;
      const { cls, suppressSmall } = fieldClass(type, field, schema);
      const resolve = field.resolve ?? defaultFieldResolver;
      // A lookup of one record (a nullable root field returning an object) answers null when refused:
      // "not found" and "forbidden" look the same to a caller who may not know the record exists.
      const lookup =
        type === schema.getQueryType() && !isNonNullType(field.type) && isObjectType(getNamedType(field.type)) && !String(field.type).startsWith('[');
      // Only protected data: a reference lookup (a unit by an unknown id) answering null is no attempt at anything.
      const auditNull = lookup && cls !== 'PUBLIC_AGGREGATE';
      // Defined once per field, not per resolution: a closure per field per request was measurable garbage.
      const suppress = (result: unknown, source: unknown, args: Record<string, unknown> | undefined, ctx: SubgraphContext): unknown => {
        if (typeof result !== 'number' || result <= 0) return result;
        // A cell of the published set (its resolver tagged it): outsiders get the served pattern.
        const ref = cellRefOf(source) ?? fieldCellOf(type.name, field.name, source, (args ?? {}) as Record<string, unknown>);
        const measure = ref?.measures[field.name];
        if (!suppressSmall && measure === undefined) return result;
        // One threshold for primary suppression, the published set's pattern and its audit (ANTT_DISCLOSURE_THRESHOLD), read when used.
        const { threshold } = disclosureParameters();
        const small = authorize.readSmallCount(ctx.scope.principal, owner);
        if (!small.allowed) {
          if (ref && measure !== undefined)
            return servedPatterns(sqliteOf(ctx.db)).lookup({ ...ref, family: ref.familyOf?.[field.name] ?? ref.family, measure }) === 'SHOWN' ? result : null;
          return result < threshold ? null : result;
        }
        // Leadership and the consolidators read a small count as it is: the read is audited.
        if (small.audited && result < threshold) ctx.audit?.read({ typeName: type.name, field: field.name, recordId: null, dataClass: cls });
        return result;
      };
      field.resolve = (source, args, ctx: SubgraphContext, info) => {
        const decision = authorize.readClass(ctx.scope.principal, cls, owner);
        if (!decision.allowed) {
          ctx.audit?.denied({ typeName: type.name, field: field.name, recordId: recordId(source) ?? idArgs(args)[0] ?? null, dataClass: cls });
          if (lookup) return null;
          throw forbidden(decision.message);
        }
        // Most fields: nothing to record, no closure per resolution.
        if (!decision.audited && !auditNull) return suppress(resolve(source, args, ctx, info), source, args, ctx);
        const note = { typeName: type.name, field: field.name, dataClass: cls };
        // Recorded once the outcome is known: a read that failed is a failed read, not a read; a
        // lookup that answered null is recorded as a refusal (not found and forbidden look alike).
        const settle = (result: unknown): unknown => {
          if (auditNull && result == null) {
            for (const id of idArgs(args)) ctx.audit?.denied({ ...note, recordId: id, dataClass: cls, outcome: NULL_ANSWER });
          } else if (decision.audited) {
            const ids = recordId(source) !== null ? [recordId(source)!] : recordIds(result).length ? recordIds(result) : idArgs(args);
            if (!ids.length) ctx.audit?.read({ ...note, recordId: null });
            for (const id of ids) ctx.audit?.read({ ...note, recordId: id });
          }
          return suppress(result, source, args, ctx);
        };
        const fail = (e: unknown): never => {
          if (decision.audited || auditNull) ctx.audit?.failed({ ...note, recordId: recordId(source) ?? idArgs(args)[0] ?? null }, errorCode(e));
          throw e;
        };
        let result: unknown;
        try {
          result = resolve(source, args, ctx, info);
        } catch (e) {
          return fail(e);
        }
        return isPromise(result) ? result.then(settle, fail) : settle(result);
      };
    }
    // __resolveReference lives in the type's extensions (@apollo/subgraph). A reference the caller may
    // not read resolves to null: "not found" and "forbidden" look the same.
    const sub = (type.extensions as { apollo?: { subgraph?: { resolveReference?: (ref: unknown, ctx: SubgraphContext, info: unknown) => unknown } } }).apollo
      ?.subgraph;
    if (sub?.resolveReference) {
      const resolveReference = sub.resolveReference;
      const cls = typeClass(type)?.cls ?? 'INTERNAL';
      sub.resolveReference = (ref, ctx, info) => {
        const note = { typeName: type.name, field: '__resolveReference', recordId: recordId(ref), dataClass: cls };
        if (!authorize.readClass(ctx.scope.principal, cls, owner).allowed) {
          ctx.audit?.denied(note);
          return null;
        }
        // An entity the caller's scope does not reach answers null: a refusal, recorded with its id.
        const settle = (r: unknown) => {
          if (r == null) ctx.audit?.denied({ ...note, outcome: NULL_ANSWER });
          return r;
        };
        const r = resolveReference(ref, ctx, info);
        return isPromise(r) ? r.then(settle) : settle(r);
      };
    }
  }
  // Fail closed: a schema whose types this pass did not recognise would serve every field unchecked.
  if (!guarded) throw new Error(`enforceDataClasses(${owner}): no field of the schema was recognised, so none would be checked`);
  return schema;
}
