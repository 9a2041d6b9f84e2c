/**
 * The composition tier for the cross-organization records: every organization's model, forum and
 * opinion types sit under the shared interfaces and unions, and the query planner routes each question
 * of the cross-organization records to the subgraphs that hold the answer (by type, since it never routes by key value).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, isInterfaceType, isUnionType, parse, type GraphQLSchema } from 'graphql';
import { Supergraph, operationFromDocument, printSchema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { SUPERGRAPH_FILE } from '@antt/gateway';
import { ORGANIZATION_IDS, ORGANIZATIONS } from '@antt/reference';

const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8'));
const api: GraphQLSchema = buildSchema(printSchema(supergraph.apiSchema()));
const planner = new QueryPlanner(supergraph);

function fetches(node: PlanNode | QueryPlan['node'], out: FetchNode[] = []): FetchNode[] {
  if (!node) return out;
  switch (node.kind) {
    case 'Fetch':
      out.push(node);
      break;
    case 'Sequence':
    case 'Parallel':
      node.nodes.forEach((n) => fetches(n, out));
      break;
    case 'Flatten':
      fetches(node.node, out);
      break;
    default:
      break;
  }
  return out;
}

function plan(query: string): FetchNode[] {
  return fetches(planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query))).node);
}

const services = (f: FetchNode[]) => [...new Set(f.map((x) => x.serviceName))].sort();
const ALL = [...ORGANIZATION_IDS].sort();
const typesOf = (suffix: string) => ORGANIZATION_IDS.map((o) => `${ORGANIZATIONS[o].typePrefix}${suffix}`).sort();

describe('composition of the cross-organization records', () => {
  it('puts every organization’s models, forums and opinions under the shared interfaces and unions', () => {
    for (const [iface, union] of [
      ['Model', 'AnyModel'],
      ['Forum', 'AnyForum'],
      ['Opinion', null],
    ] as const) {
      const i = api.getType(iface);
      expect(isInterfaceType(i)).toBe(true);
      expect(
        api
          .getPossibleTypes(i as never)
          .map((t) => t.name)
          .sort(),
      ).toEqual(typesOf(iface));
      if (union) {
        const u = api.getType(union);
        expect(
          isUnionType(u) &&
            u
              .getTypes()
              .map((t) => t.name)
              .sort(),
        ).toEqual(typesOf(iface));
      }
    }
  });

  it('plans the province-wide list of models with their latest review as one fetch per organization, then the Front for the reviews', () => {
    const fields = ORGANIZATION_IDS.map((o) => `${o} { models { ...M } }`).join(' ');
    const f = plan(`query { unit(id: "province:14") { ${fields} } } fragment M on Model { id name status latestReview { rating decision reviewer { id } } }`);
    expect(services(f)).toEqual(ALL);
    // Every organization's models go to the Front in entity fetches that ask only for the review fields.
    const reviewFetches = f.filter((x) => x.serviceName === 'front' && x.requires);
    expect(reviewFetches.length).toBeGreaterThan(0);
    expect(reviewFetches.every((x) => x.operation.includes('latestReview'))).toBe(true);
  });

  it('answers the review fields of a women’s union model from the Front’s subgraph only', () => {
    const f = plan(`{ womenModels { nodes { name latestReview { rating } } } }`);
    expect(f.map((x) => x.serviceName)).toEqual(['women', 'front']);
  });

  it('fetches a reviewed model, and a replica’s original, from the organization that keeps it', () => {
    expect(services(plan(`{ frontModelReviews { nodes { rating model { ... on Model { name unit { name } } } } } }`))).toEqual(ALL);
    expect(plan(`{ womenModels { nodes { replicaOf { ... on FrontModel { name } } } } }`).map((x) => x.serviceName)).toEqual(['women', 'front']);
  });

  it('asks the police’s question, an effective model in a unit and year, of the Front’s subgraph alone', () => {
    expect(services(plan(`{ unit(id: "commune:03985@2025") { front { hasEffectiveModel(year: 2025) effectiveModels(year: 2025) { __typename } } } }`))).toEqual(
      ['front'],
    );
  });

  it('plans the Front’s round-up of overdue opinions as one fetch to each organization that must answer', () => {
    const fields = ORGANIZATION_IDS.map((o) => `${o} { opinions(overdue: true) { ...O } }`).join(' ');
    expect(services(plan(`query { unit(id: "province:14") { ${fields} } } fragment O on Opinion { id topic dueDate assignedTo { id } }`))).toEqual(ALL);
  });

  it('plans what each organization did per task of the plan as one query over all nine', () => {
    const fields = ORGANIZATION_IDS.map((o) => `${o} { activityCountsByTask(periodId: "2021-PLAN-Y") { planTask { id } count } }`).join(' ');
    expect(services(plan(`{ unit(id: "province:14") { ${fields} } }`))).toEqual(ALL);
  });
});
