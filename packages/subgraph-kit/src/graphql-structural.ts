/** Structural stand-ins for graphql-js helpers, for the passes over a built subgraph schema (data-class.ts, reports/basis-fields.ts). */
import type { GraphQLFieldResolver, GraphQLNamedType, GraphQLObjectType, GraphQLType } from 'graphql';

// No graphql-js predicates (isObjectType...) in the schema passes: they use instanceof, and under Vite the test
// runner can load a second copy of graphql beside the one Apollo's CJS packages load. Nor the class's name:
// a bundler renames one of two copies of a class (the production bundle holds graphql's ESM and CommonJS
// copies, and its GraphQLObjectType became `GraphQLObjectType7`), which made these passes skip every type
// of a built subgraph. graphql-js gives each of its classes a Symbol.toStringTag, which no bundler touches.
function tagOf(t: unknown): string | undefined {
  return (t as { [Symbol.toStringTag]?: string } | null | undefined)?.[Symbol.toStringTag];
}
export function isObjectType(t: GraphQLNamedType | null | undefined): t is GraphQLObjectType {
  return tagOf(t) === 'GraphQLObjectType';
}
/** Whether a field's type is non-null (`T!`). */
export function isNonNullType(t: GraphQLType): boolean {
  return tagOf(t) === 'GraphQLNonNull';
}
export function getNamedType(t: GraphQLType): GraphQLNamedType {
  let x = t as GraphQLType & { ofType?: GraphQLType };
  while (x.ofType) x = x.ofType as GraphQLType & { ofType?: GraphQLType };
  return x as GraphQLNamedType;
}
/** graphql-js's default resolver: the source's property, called if it is a function. */
export const defaultFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, ctx, info) => {
  const v = (source as Record<string, unknown> | null)?.[info.fieldName];
  return typeof v === 'function' ? (v as (a: unknown, c: unknown, i: unknown) => unknown).call(source, args, ctx, info) : v;
};
