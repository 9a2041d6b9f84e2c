/** An organization's subgraph against a migrated in-memory database, queried with executeOperation. */
import { ApolloServer } from '@apollo/server';
import type { Identity } from '@antt/auth';
import {
  contextFor,
  openOrganizationDatabase,
  RequestAudit,
  subgraphApolloConfig,
  type OrganizationSubgraph,
  type SubgraphContext,
  type Db,
  type OpenedDatabase,
  type ServiceAsker,
  type Verdicts,
} from '@antt/subgraph-kit';

export interface TestSubgraph {
  db: Db;
  /** The raw SQLite connection, to look at what was really stored. */
  sqlite: OpenedDatabase['sqlite'];
  /** Runs an operation as `identity`; returns the single result's { data, errors }. */
  run<T = Record<string, unknown>>(
    identity: Identity,
    query: string,
    variables?: Record<string, unknown>,
    opts?: {
      fromGateway?: boolean;
      /** What the owners answered about the references the mutation names, as the reference check plugin leaves it (default: no check ran). */
      referenceVerdicts?: Verdicts;
      /** How the subgraph asks other organizations' subgraphs (default: it cannot). */
      services?: ServiceAsker;
    },
  ): Promise<{ data?: T | null; errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }>;
  /** Records in a table (for a kind of the record framework, its current versions, voided ones included). */
  count(table?: string): number;
}

/** A subgraph over a migrated database: in memory, or in `file` (for tests of what is on disk: backups, restores). */
export async function openTestSubgraph(
  sg: OrganizationSubgraph,
  opts: { demo?: boolean; today?: string; file?: string; /** How it asks other subgraphs on every run that names none. */ services?: ServiceAsker } = {},
): Promise<TestSubgraph> {
  const services = opts.services;
  const { db, sqlite } = openOrganizationDatabase(sg, { file: opts.file ?? ':memory:', demo: opts.demo ?? false, today: opts.today });
  const server = new ApolloServer<SubgraphContext>(subgraphApolloConfig(sg, db));
  return {
    db,
    sqlite,
    async run(identity, query, variables, opts = {}) {
      // As if through the gateway (which may use _entities) unless a test says otherwise.
      const contextValue = contextFor(sg, db, identity, {
        fromGateway: opts.fromGateway ?? true,
        audit: new RequestAudit(),
        services: opts.services ?? services,
      });
      if (opts.referenceVerdicts) Object.assign(contextValue, { referenceVerdicts: opts.referenceVerdicts });
      const res = await server.executeOperation({ query, variables }, { contextValue });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult as never;
    },
    count(table = 'activities') {
      // A kind of the record framework keeps a row per version: count its current records.
      const versioned = (sqlite.prepare(`SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = 'superseded_at'`).get(table) as { n: number }).n > 0;
      return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}${versioned ? ' WHERE superseded_at IS NULL' : ''}`).get() as { n: number }).n;
    },
  };
}

/** A unit's count of effective models through a year as the Front answers it ([day, count from that day]), null when it refuses the unit, or UNREACHABLE. */
export type FrontSteps = readonly (readonly [string, number])[] | null | 'UNREACHABLE';

/**
 * The Front as the police's standard asks it (its `effectiveModelSteps` answer), in process: `stepsOf`
 * says each unit's counts; every question is kept in `asked`. For tests of the police subgraph alone.
 */
export function fakeFrontModels(
  stepsOf: (unitId: string, year: number) => FrontSteps,
): ServiceAsker & { asked: { name: string; body: Record<string, unknown> }[] } {
  const asked: { name: string; body: Record<string, unknown> }[] = [];
  return {
    asked,
    async ask(owner, name, body) {
      asked.push({ name, body });
      if (owner !== 'front' || name !== 'effectiveModelSteps') return { ok: false, reason: 'UNREACHABLE' };
      const year = body.year as number;
      const ids = body.unitIds as string[];
      const answers = ids.map((u) => [u, stepsOf(u, year)] as const);
      if (answers.some(([, a]) => a === 'UNREACHABLE')) return { ok: false, reason: 'UNREACHABLE' };
      return { ok: true, body: { owner: 'front', year, units: Object.fromEntries(answers) } };
    },
  };
}

/** The Front rating one model effective in every unit from the first day of each assessment year's window (16 November of the year before). */
export const frontRatesOneEffectiveModel = () => fakeFrontModels((_u, year) => [[`${year - 1}-11-16`, 1]]);
