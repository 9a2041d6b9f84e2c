/**
 * The composition tier: the nine subgraphs compose without errors or unexplained hints, the committed
 * supergraph is current, every element of the public schema is described, and the query planner
 * sends the leadership question to all nine organizations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { Supergraph, operationFromDocument, printSchema } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { compose, composeOrThrow, SUPERGRAPH_FILE, SUBGRAPHS } from '@antt/gateway';
import { ORGANIZATION_IDS } from '@antt/reference';

const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8'));
// Rebuilt from its SDL in this module's graphql: federation-internals loads graphql's CJS build, and
// Vite gives test files the ESM one; their type objects fail each other's instanceof checks.
const api: GraphQLSchema = buildSchema(printSchema(supergraph.apiSchema()));

function services(node: PlanNode | QueryPlan['node'], out = new Set<string>()): Set<string> {
  if (!node) return out;
  switch (node.kind) {
    case 'Fetch':
      out.add(node.serviceName);
      break;
    case 'Sequence':
    case 'Parallel':
      node.nodes.forEach((n) => services(n, out));
      break;
    case 'Flatten':
      services(node.node, out);
      break;
    default:
      break;
  }
  return out;
}

// Composing nine subgraphs takes seconds on a busy 2-core machine: more than vitest's default 5 s.
describe('composition', { timeout: 60_000 }, () => {
  it('composes all nine subgraphs without errors or hints', () => {
    const result = compose();
    expect(result.errors).toBeUndefined();
    expect(result.hints ?? []).toEqual([]);
    expect(SUBGRAPHS.map((s) => s.name)).toEqual([...ORGANIZATION_IDS]);
  });

  it('matches the committed supergraph.graphql', () => {
    expect(composeOrThrow()).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });

  it('describes every type, field, argument and enum value of the public schema', () => {
    const missing: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('plans the leadership question (one unit, one period, every organization) as fetches from all nine subgraphs', () => {
    const fields = ORGANIZATION_IDS.map((o) => `${o} { activityCounts(periodId: $period) { type count } }`).join('\n');
    const op = operationFromDocument(supergraph.schema, parse(`query ($unit: ID!, $period: ID!) { unit(id: $unit) { name ${fields} } }`));
    const plan: QueryPlan = new QueryPlanner(supergraph).buildQueryPlan(op);
    expect([...services(plan.node)].sort()).toEqual([...ORGANIZATION_IDS].sort());
  });
});
