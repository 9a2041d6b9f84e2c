/**
 * The schema passes (data classes, figures' basis) recognise graphql-js's types by their toStringTag, not
 * by instanceof or the class's name: the production bundle holds two copies of graphql and renamed one
 * copy's classes (`GraphQLObjectType7`), which made both passes skip every type of a built subgraph, so
 * that it served every field without its data-class check and every count without its basis. A pass that
 * recognises nothing now refuses to start instead.
 */
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfigMap } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isNonNullType, isObjectType } from '../src/graphql-structural.js';
import { enforceDataClasses } from '../src/data-class.js';
import { applyFiguresBasis } from '../src/reports/basis-fields.js';

// What a bundler makes of a second copy of the class: the same class under another name.
const GraphQLObjectType7 = class extends GraphQLObjectType {};
const GraphQLNonNull2 = class extends GraphQLNonNull<typeof GraphQLInt> {};

describe('structural checks of graphql-js types', () => {
  it('recognise a renamed copy of the classes, and nothing else', () => {
    const renamed = new GraphQLObjectType7({ name: 'Thing', fields: { n: { type: GraphQLInt } } });
    expect(renamed.constructor.name).not.toBe('GraphQLObjectType');
    expect(isObjectType(renamed)).toBe(true);
    expect(isNonNullType(new GraphQLNonNull2(GraphQLInt))).toBe(true);
    expect(isNonNullType(new GraphQLList(GraphQLInt))).toBe(false);
    expect(isObjectType(GraphQLInt)).toBe(false);
    expect(isObjectType({ name: 'GraphQLObjectType' } as never)).toBe(false);
    expect(isObjectType(null)).toBe(false);
  });

  it('wrap the fields of a schema built from renamed classes', () => {
    const fields: GraphQLFieldConfigMap<unknown, unknown> = { n: { type: GraphQLInt, resolve: () => 1 } };
    const schema = new GraphQLSchema({ query: new GraphQLObjectType7({ name: 'Query', fields }) });
    const before = schema.getQueryType()!.getFields().n!.resolve;
    enforceDataClasses(schema, 'women');
    expect(schema.getQueryType()!.getFields().n!.resolve).not.toBe(before);
  });

  it('refuse to start when they recognise no field to check', () => {
    // A schema whose types the passes cannot see as object types: what the bundle's renaming did before.
    const query = new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt } } });
    Object.defineProperty(query, Symbol.toStringTag, { value: 'SomethingElse' });
    const schema = new GraphQLSchema({ query });
    expect(() => enforceDataClasses(schema, 'women')).toThrow(/no field of the schema was recognised/);
    expect(() => applyFiguresBasis(schema, 'women')).toThrow(/no count with figures was recognised/);
  });
});
