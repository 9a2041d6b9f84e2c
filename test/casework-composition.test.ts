/**
 * The composition tier for the member organizations' own duties: the shared shapes compose into one
 * type each, the police's entities are referenced as stubs only, every mediation case is an entity a
 * police hotspot can point to, and the commune overview is planned across all nine subgraphs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { SUPERGRAPH_FILE } from '@antt/gateway';
import { ORGANIZATION_IDS } from '@antt/reference';
import { COMMUNE_OVERVIEW } from './support/commune-overview.js';

const sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
const supergraph = Supergraph.build(sdl);

/** The lines of the supergraph that declare `type Name` with its join directives. */
function typeHeader(name: string): string {
  const m = new RegExp(`^type ${name}\\b[^{]*`, 'm').exec(sdl);
  expect(m, `type ${name} in the supergraph`).not.toBeNull();
  return m![0];
}

function services(node: PlanNode | QueryPlan['node'], out = new Set<string>()): Set<string> {
  if (!node) return out;
  if (node.kind === 'Fetch') out.add(node.serviceName);
  else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach((n) => services(n, out));
  else if (node.kind === 'Flatten') services(node.node, out);
  return out;
}

describe('composition of the member organizations’ duties', { timeout: 60_000 }, () => {
  it('references the police’s reintegration cases and establishments as stubs that member subgraphs cannot resolve', () => {
    const cases = typeHeader('ReintegrationCase');
    for (const g of ['VETERANS', 'WOMEN', 'YOUTH', 'FARMERS', 'ELDERLY']) expect(cases).toContain(`@join__type(graph: ${g}, key: "id", resolvable: false)`);
    expect(typeHeader('Establishment')).toContain('@join__type(graph: LABOUR, key: "id", resolvable: false)');
    // The member subgraphs contribute only the id; everything else about a case is the police's.
    expect(sdl).toMatch(/type ReintegrationCase[^{]*\{[\s\S]*?commune: Unit! @join__field\(graph: POLICE\)/);
  });

  it('makes every mediation case an entity with an id key, so that a police hotspot can point to it', () => {
    for (const [P, g] of [
      ['Veterans', 'VETERANS'],
      ['Farmers', 'FARMERS'],
      ['Elderly', 'ELDERLY'],
    ])
      expect(typeHeader(`${P}MediationCase`)).toContain(`@join__type(graph: ${g}, key: "id")`);
  });

  it('declares each shared summary type once for all the organizations that use it', () => {
    const graphs = (type: string) => [...typeHeader(type).matchAll(/graph: (\w+)/g)].map((m) => m[1]).sort();
    expect(graphs('MediationSummary')).toEqual(['ELDERLY', 'FARMERS', 'VETERANS']);
    expect(graphs('ReintegrationSupportSummary')).toEqual(['ELDERLY', 'FARMERS', 'VETERANS', 'WOMEN', 'YOUTH']);
    expect(graphs('AtRiskSupportSummary')).toEqual(['ELDERLY', 'FARMERS', 'VETERANS', 'WOMEN', 'YOUTH']);
    expect(sdl.match(/^enum MediationCategory\b/gm)).toHaveLength(1);
  });

  it('gives every organization its own fields on Unit, never one shared field answered by a single subgraph', () => {
    for (const field of ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers'])
      expect(sdl).not.toMatch(new RegExp(`^\\s+${field}\\(.*@shareable`, 'm'));
    expect(typeHeader('VeteransUnitRecords')).not.toContain('WOMEN');
  });

  it('shows in the README the very commune overview the end-to-end test runs', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const query = COMMUNE_OVERVIEW.trim()
      .split('\n')
      .map((l) => l.replace(/^ {2}/, ''))
      .join('\n');
    expect(readme).toContain(query);
  });

  it('plans the commune overview (one commune, one period, every organization) as fetches from all nine subgraphs', () => {
    const op = operationFromDocument(supergraph.schema, parse(COMMUNE_OVERVIEW));
    const plan = new QueryPlanner(supergraph).buildQueryPlan(op);
    expect([...services(plan.node)].sort()).toEqual([...ORGANIZATION_IDS].sort());
  });
});
