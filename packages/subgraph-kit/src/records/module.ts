/**
 * A subgraph's kinds of record as one module of its schema: their SDL and resolvers, generated from the
 * declarations, and the framework's list of them (the generic suite runs over it, so no kind is missed).
 */
import { gql } from 'graphql-tag';
import type { RecordKind } from './kind.js';
import { kindResolvers, type KindResolverMap } from './resolvers.js';
import { kindsSdl } from './sdl.js';

export function kindsModule(kinds: readonly RecordKind[], enumDescriptions?: Readonly<Record<string, string>>) {
  const resolvers: KindResolverMap = {};
  for (const k of kinds) for (const [type, fields] of Object.entries(kindResolvers(k))) resolvers[type] = { ...resolvers[type], ...fields };
  return { typeDefs: gql(kindsSdl(kinds, enumDescriptions)), resolvers };
}
