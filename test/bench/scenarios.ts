/**
 * What the benchmark asks: every registered dashboard operation and the README's example queries, each
 * as identical requests (one set of variables: many viewers of one dashboard) and as distinct requests
 * (the communes of the July-2025 map in rotation, or another value that changes the answer), plus the
 * special questions the targets name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { readDashboardOperations } from '@antt/gateway';
import { DEMO_START, ORGANIZATION_IDS, REFORM_DATE, communesOn } from '@antt/reference';
import { REPO_ROOT } from '@antt/subgraph-kit';
import { BINH_THUAN, PROVINCE } from '@antt/testing';
import type { Variant } from './load.js';

/** Who asks: the dashboard's token (registered operations only) or a provincial leader's. */
export type Caller = 'dashboard' | 'leadership';

export interface ReadScenario {
  name: string;
  /** Where it comes from: the operation's file, or "README". */
  source: string;
  caller: Caller;
  identical: Variant[];
  distinct: Variant[];
  /** What changes between the distinct requests. */
  rotates: string;
}

export const PERIOD = '2021-PLAN-Y';
export const YEAR = 2021;

/** The communes of the map in force from 1 July 2025 (75), first `n` of them. */
export function july2025Communes(n = 75) {
  return communesOn(REFORM_DATE).slice(0, n);
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Values for an operation's variables, by name; the unit is the one given. */
function variablesFor(def: OperationDefinitionNode, unit: string, i: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of def.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (name === 'unit') out.unit = unit;
    else if (name === 'period') out.period = PERIOD;
    else if (name === 'year') out.year = YEAR;
    else if (name === 'view') out.view = 'AS_RECORDED';
    else if (name === 'calendar') out.calendar = 'QUARTER';
    else if (name === 'from') out.from = '2021-01-01';
    // A different end date each time gives a different list of periods.
    else if (name === 'to') out.to = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    else if (name === 'on') out.on = '2025-12-01';
    else if (name === 'text') out.text = 'Bình Thuận';
    // A variable with a default (the figures' basis, OFFICIAL) is measured as the dashboard sends it: left out.
    else if (v.defaultValue) continue;
    else throw new Error(`No value for variable $${name} of ${def.name?.value ?? 'an operation'}.`);
  }
  return out;
}

function operationOf(text: string): OperationDefinitionNode {
  const def = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!def) throw new Error('No operation in the text.');
  return def;
}

/** Registered operations the leadership's pages run, which read records the dashboard role may only count (hotspots, key areas). */
const LEADERSHIP_ONLY = new Set(['DashboardLeadershipPanels']);

/** One scenario per dashboard operation and per README query (mutations left out). */
export function readScenarios(communeCount = 75): ReadScenario[] {
  const communes = july2025Communes(communeCount);
  const out: ReadScenario[] = [];
  for (const op of readDashboardOperations()) {
    const def = operationOf(op.body);
    const vars = new Set((def.variableDefinitions ?? []).map((v) => v.variable.name.value));
    // The standard's indicators are read for the province (the figure); the rest for one commune.
    const home = op.name === 'DashboardStandardIndicators' ? PROVINCE : BINH_THUAN;
    const identical = [{ key: 'one', body: body(op.body, variablesFor(def, home, 0)) }];
    let distinct: Variant[];
    let rotates: string;
    if (vars.has('unit')) {
      distinct = communes.map((c, i) => ({ key: c.id, body: body(op.body, variablesFor(def, c.id, i)) }));
      rotates = `${communes.length} communes of the July-2025 map`;
    } else if (vars.has('text')) {
      distinct = communes.map((c, i) => ({ key: c.id, body: body(op.body, { ...variablesFor(def, home, i), text: c.name }) }));
      rotates = `the names of ${communes.length} communes`;
    } else {
      distinct = communes.map((_, i) => ({ key: String(i), body: body(op.body, variablesFor(def, home, i)) }));
      rotates = `${communes.length} different end dates`;
    }
    const caller = LEADERSHIP_ONLY.has(op.name) ? 'leadership' : 'dashboard';
    out.push({ name: op.name, source: `gateway/operations/dashboard/${op.file}`, caller, identical, distinct, rotates });
  }
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  let n = 0;
  for (const m of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    n++;
    const text = m[1]!;
    const def = operationOf(text);
    if (def.operation !== 'query') continue;
    const name = def.name?.value ?? `README query ${n}`;
    const vars = new Set((def.variableDefinitions ?? []).map((v) => v.variable.name.value));
    // A report of a period of 2021 is asked of the units of 2021 (a unit that did not exist at the end
    // of the period is refused): the province, and the communes of the map in force then.
    const of2021 = /periodId: "2021-/.test(text);
    const units = of2021 ? communesOn(DEMO_START).slice(0, communeCount) : communes;
    const identical = [{ key: 'one', body: body(text, variablesFor(def, of2021 ? PROVINCE : BINH_THUAN, 0)) }];
    // A query with the commune written into it rotates by rewriting that literal.
    const distinct = vars.has('unit')
      ? units.map((c, i) => ({ key: c.id, body: body(text, variablesFor(def, c.id, i)) }))
      : units.map((c) => ({ key: c.id, body: body(text.replaceAll(BINH_THUAN, c.id), {}) }));
    const rotates = of2021 ? `${units.length} communes of the 2021 map` : `${units.length} communes of the July-2025 map`;
    out.push({ name, source: 'README.md', caller: 'leadership', identical, distinct, rotates });
  }
  return out;
}

/** A leader's natural question: every organization's activity in each commune of the province, one query. */
export function everyCommuneQuery(): string {
  const orgs = ORGANIZATION_IDS.map((o) => `${o} { activityCounts(periodId: $period) { type count participants } }`).join(' ');
  return `query EveryCommune($unit: ID!, $period: ID!, $on: Date) { unit(id: $unit) { id name children(on: $on) { id name ${orgs} } } }`;
}
export const everyCommuneBody = () => body(everyCommuneQuery(), { unit: PROVINCE, period: PERIOD, on: '2025-12-01' });

/** One subgraph's 50 rows, the same text directly and through a gateway. */
export const FIFTY_ROWS = '{ womenActivities(first: 50) { totalCount nodes { id topic date unit { name } } } }';
