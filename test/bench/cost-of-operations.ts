/**
 * Prints the estimated cost (packages/subgraph-kit/src/cost.ts) of the dashboard's registered operations,
 * the README's example queries and a few refused shapes, on the gateway's API schema: the figures the
 * cost limit is set from. Run: npx tsx test/bench/cost-of-operations.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getNamedType, isEnumType, parse, typeFromAST, type DocumentNode, type NamedTypeNode } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { MAX_COST, operationCost } from '@antt/subgraph-kit';

const root = fileURLToPath(new URL('../../', import.meta.url));
const api = Supergraph.build(readFileSync(`${root}gateway/supergraph.graphql`, 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

/** Plausible values for an operation's variables, by name: what the costs depend on is the lists, not the values. */
function variablesOf(doc: DocumentNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of doc.definitions)
    if (d.kind === 'OperationDefinition')
      for (const v of d.variableDefinitions ?? []) {
        const n = v.variable.name.value;
        const t = getNamedType(typeFromAST(api, v.type as NamedTypeNode));
        if (isEnumType(t)) out[n] = t.getValues()[0]!.value;
        else out[n] = /unit/i.test(n) ? 'province:14' : /period/i.test(n) ? '2024' : /year/i.test(n) ? 2024 : /date|on$/i.test(n) ? '2024-12-31' : 'x';
      }
  return out;
}

const rows: [string, number][] = [];
const opsDir = `${root}gateway/operations/dashboard`;
for (const f of readdirSync(opsDir).filter((f) => f.endsWith('.graphql'))) {
  const doc = parse(readFileSync(`${opsDir}/${f}`, 'utf8'));
  rows.push([`dashboard/${f}`, operationCost(api, doc, variablesOf(doc))]);
}
const readme = readFileSync(`${root}README.md`, 'utf8');
let i = 0;
for (const m of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
  i++;
  try {
    rows.push([`README query ${i}`, operationCost(api, parse(m[1]!), variablesOf(parse(m[1]!)))]);
  } catch (e) {
    rows.push([`README query ${i} (not costed: ${(e as Error).message.slice(0, 60)})`, NaN]);
  }
}
const attack = '{ units { children { parent { children { parent { children { parent { children { name } } } } } } } } }';
rows.push(['units > children > parent > children ... (4 levels)', operationCost(api, parse(attack))]);
rows.push(['units(level: COMMUNE) { name }', operationCost(api, parse('{ units(level: COMMUNE) { id name } }'))]);
for (const [name, cost] of rows) console.log(`${String(cost).padStart(16)}  ${cost > MAX_COST ? 'REFUSED' : 'ok     '}  ${name}`);
console.log(`limit ${MAX_COST}`);
