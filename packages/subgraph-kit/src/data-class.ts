/**
 * Enforcing data classes inside a subgraph. Every field's class is its own @dataClass, else its
 * type's, else INTERNAL; a root field takes the class of the type it returns. The check wraps every
 * field resolver and every entity's __resolveReference, so an entity reached through another
 * subgraph (_entities) gets the same check as one reached from a root field. Reads of personal,
 * sensitive and crime-source data are recorded, and so is every denial.
 */
import type { ConstDirectiveNode, GraphQLField, GraphQLFieldResolver, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, GraphQLType } from 'graphql';
import { authorize, forbidden, isDataClass, type DataClass } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { SubgraphContext } from './context.js';

export const DATA_CLASS_SPEC = 'https://antt-graph.sonla.gov.vn/data-class/v1.0';

/** SDL shared by every subgraph (in the reference module), so that it composes identically. */
export const dataClassSdl = `
  """
  How protected a type or field is (phân loại dữ liệu); enforced by every subgraph and by the gateway.
  suppressBelow: a count under this number (but above 0) is hidden from callers who may not read the
  records it counts, so that a small number cannot point to a person.
  """
  directive @dataClass(class: DataClass!, suppressBelow: Int) on OBJECT | FIELD_DEFINITION | INTERFACE

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

// No graphql-js predicates (isObjectType...) here: they use instanceof, and under Vite the test
// runner can load a second copy of graphql beside the one Apollo's CJS packages load.
function isObjectType(t: GraphQLNamedType | null | undefined): t is GraphQLObjectType {
  return !!t && t.constructor.name === 'GraphQLObjectType';
}
function getNamedType(t: GraphQLType): GraphQLNamedType {
  let x = t as GraphQLType & { ofType?: GraphQLType };
  while (x.ofType) x = x.ofType as GraphQLType & { ofType?: GraphQLType };
  return x as GraphQLNamedType;
}
/** graphql-js's default resolver: the source's property, called if it is a function. */
const defaultFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, ctx, info) => {
  const v = (source as Record<string, unknown> | null)?.[info.fieldName];
  return typeof v === 'function' ? (v as (a: unknown, c: unknown, i: unknown) => unknown).call(source, args, ctx, info) : v;
};

interface ClassSpec {
  cls: DataClass;
  suppressBelow: number | null;
}

function readDirective(nodes: readonly (readonly ConstDirectiveNode[] | undefined)[]): ClassSpec | null {
  for (const list of nodes) {
    const d = list?.find((x) => x.name.value === 'dataClass');
    if (!d) continue;
    const cls = d.arguments?.find((a) => a.name.value === 'class')?.value;
    const sup = d.arguments?.find((a) => a.name.value === 'suppressBelow')?.value;
    const value = cls && cls.kind === 'EnumValue' ? cls.value : undefined;
    if (!isDataClass(value)) throw new Error('@dataClass needs a class');
    return { cls: value, suppressBelow: sup && sup.kind === 'IntValue' ? Number(sup.value) : null };
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
  if (type === schema.getMutationType()) return { cls: 'INTERNAL', suppressBelow: null };
  if (type === schema.getQueryType()) {
    const ret = getNamedType(field.type);
    return (isObjectType(ret) ? typeClass(ret) : null) ?? { cls: ret.name.startsWith('_') ? 'PUBLIC_AGGREGATE' : 'INTERNAL', suppressBelow: null };
  }
  return { ...(typeClass(type) ?? { cls: 'INTERNAL', suppressBelow: null }), suppressBelow: null };
}

/** A record's id for the audit trail: its `id` field, else nothing (never a value). */
function recordId(source: unknown): string | null {
  const id = (source as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * Wraps the schema's resolvers in place with the data-class checks of organization `owner`.
 * Federation's own fields (_entities, _service) are guarded by the gateway credential instead.
 */
export function enforceDataClasses(schema: GraphQLSchema, owner: OrganizationId): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === '_Service') continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      const { cls, suppressBelow } = fieldClass(type, field, schema);
      const resolve = field.resolve ?? defaultFieldResolver;
      // A lookup of one record (a nullable root field returning an object) answers null when refused:
      // "not found" and "forbidden" look the same to a caller who may not know the record exists.
      const lookup =
        type === schema.getQueryType() &&
        field.type.constructor.name !== 'GraphQLNonNull' &&
        isObjectType(getNamedType(field.type)) &&
        !String(field.type).startsWith('[');
      field.resolve = (source, args, ctx: SubgraphContext, info) => {
        const decision = authorize.readClass(ctx.scope.principal, cls, owner);
        if (!decision.allowed) {
          ctx.audit?.denied({ typeName: type.name, field: field.name, recordId: recordId(source), dataClass: cls });
          if (lookup) return null;
          throw forbidden(decision.message);
        }
        if (decision.audited) ctx.audit?.read({ typeName: type.name, field: field.name, recordId: recordId(source), dataClass: cls });
        const result = resolve(source, args, ctx, info);
        if (suppressBelow !== null && typeof result === 'number' && result > 0 && result < suppressBelow) {
          const small = authorize.readSmallCount(ctx.scope.principal, owner);
          if (!small.allowed) return null;
          // Leadership and the consolidators read a small count as it is: the read is audited.
          if (small.audited) ctx.audit?.read({ typeName: type.name, field: field.name, recordId: null, dataClass: cls });
        }
        return result;
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
        if (!authorize.readClass(ctx.scope.principal, cls, owner).allowed) {
          ctx.audit?.denied({ typeName: type.name, field: '__resolveReference', recordId: recordId(ref), dataClass: cls });
          return null;
        }
        return resolveReference(ref, ctx, info);
      };
    }
  }
  return schema;
}
