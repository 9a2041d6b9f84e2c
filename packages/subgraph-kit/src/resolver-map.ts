/**
 * Resolver maps of the modules every organization's subgraph shares (activities, models, forums, the
 * audit trail, reference data, the casework duties). Their type names are built per organization
 * (`${prefix}UnitRecords`), so no one subgraph's generated types can name them; these types check
 * what can be checked: each field's parent, its arguments (declared by the field, never implicit) and
 * the subgraph's context.
 */
import type { GraphQLAbstractType, GraphQLResolveInfo, GraphQLScalarType } from 'graphql';
import type { SubgraphContext } from './context.js';

/** The arguments of a field that takes none. */
export type NoArgs = Record<string, never>;

/** A field's resolver: its parent `P`, its arguments `A`, the subgraph's context. */
export type FieldResolver<P, A = NoArgs> = (parent: P, args: A, ctx: SubgraphContext, info: GraphQLResolveInfo) => unknown;

/** An entity's reference resolver: the representation the gateway sends, the subgraph's context. */
export type ReferenceResolver<R> = (reference: R, ctx: SubgraphContext, info: GraphQLResolveInfo) => unknown;

/** The concrete type of a value of an interface or union. */
export type TypeResolver<V> = (value: V, ctx: SubgraphContext, info: GraphQLResolveInfo, abstractType: GraphQLAbstractType) => string | null | undefined;

/**
 * The resolvers of an object type whose parent is `P`. A field without arguments reads none; a field
 * with arguments declares their type (with `never` here, an undeclared argument cannot be read).
 */
export type ObjectResolvers<P> = { [field: string]: FieldResolver<P, never> };

/** The resolvers of an entity: its fields, and how a representation `R` the gateway sends is resolved. */
export type EntityResolvers<P, R> = ObjectResolvers<P> & { __resolveReference: ReferenceResolver<R> };

/** The resolvers of an interface or union. */
export interface AbstractResolvers<V> {
  __resolveType: TypeResolver<V>;
}

/** A module's resolver map: object types and entities, interfaces and unions, scalars. */
export type ResolverMap = {
  [typeName: string]: ObjectResolvers<never> | EntityResolvers<never, never> | AbstractResolvers<never> | GraphQLScalarType;
};

/** The parent of every field of an organization's `<Prefix>UnitRecords`: the unit asked about (Unit.<org>). */
export interface UnitRecordsParent {
  unitId: string;
}

/** The resolvers of an object type, its fields' parents checked against `P`. */
export function objectResolvers<P>(fields: ObjectResolvers<P>): ObjectResolvers<P> {
  return fields;
}

/** The resolvers of Query or Mutation (no parent). */
export function rootResolvers(fields: ObjectResolvers<unknown>): ObjectResolvers<unknown> {
  return fields;
}

/** The resolvers of an entity: a representation `R` resolved by `resolveReference`, fields over the parent `P`. */
export function entityResolvers<P, R>(resolveReference: ReferenceResolver<R>, fields: ObjectResolvers<P>): EntityResolvers<P, R> {
  return Object.assign({ ...fields }, { __resolveReference: resolveReference });
}

/** The resolvers of an interface or union, its values checked against `V`. */
export function abstractResolvers<V>(resolveType: TypeResolver<V>): AbstractResolvers<V> {
  return { __resolveType: resolveType };
}
