/**
 * The per-request execution bound of every subgraph: a cap on resolved fields and a time budget, each a
 * 400. The budget holds inside a single field too: a resolver that loops checks it on each turn
 * (withinExecutionBudget), and so does every query of the record framework.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { contextFor, executionBoundPlugin, RequestAudit, subgraphApolloConfig, withinExecutionBudget, type SubgraphContext } from '@antt/subgraph-kit';
import { openTestSubgraph, staff } from '@antt/testing';
import { subgraph } from '@antt/women';

const before = process.env.ANTT_MAX_RESOLVED_FIELDS;
afterEach(() => {
  if (before === undefined) delete process.env.ANTT_MAX_RESOLVED_FIELDS;
  else process.env.ANTT_MAX_RESOLVED_FIELDS = before;
});

async function run(server: ApolloServer<SubgraphContext>, db: Parameters<typeof contextFor>[1], query: string) {
  await server.start();
  const res = await server.executeOperation(
    { query },
    { contextValue: contextFor(subgraph, db, staff('women'), { fromGateway: true, audit: new RequestAudit() }) },
  );
  await server.stop();
  return { status: res.http.status, result: res.body.kind === 'single' ? res.body.singleResult : null };
}

describe('execution bound', () => {
  it('answers the ordinary query under the default bound', async () => {
    const { db } = await openTestSubgraph(subgraph);
    const { result } = await run(new ApolloServer<SubgraphContext>(subgraphApolloConfig(subgraph, db)), db, '{ units { id name } }');
    expect(result?.errors).toBeUndefined();
  });

  it('stops a request past its cap on resolved fields, with a 400 that names no number', async () => {
    process.env.ANTT_MAX_RESOLVED_FIELDS = '40';
    const { db } = await openTestSubgraph(subgraph);
    const { status, result } = await run(new ApolloServer<SubgraphContext>(subgraphApolloConfig(subgraph, db)), db, '{ units { id name } }');
    expect(status).toBe(400);
    expect(result?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'EXECUTION_LIMIT' });
    expect(result?.errors?.[0]?.message).not.toMatch(/\d/);
  });

  it('stops a request past its time budget', async () => {
    const { db } = await openTestSubgraph(subgraph);
    const config = subgraphApolloConfig(subgraph, db);
    const server = new ApolloServer<SubgraphContext>({ ...config, plugins: [...config.plugins, executionBoundPlugin({ timeMs: -1, maxResolvedFields: 1e9 })] });
    const { status, result } = await run(server, db, '{ units { id name } }');
    expect(status).toBe(400);
    expect(result?.errors?.[0]?.extensions).toMatchObject({ reason: 'EXECUTION_LIMIT' });
  });

  it('stops a single resolver that loops, inside the field, soon after the budget', async () => {
    const server = new ApolloServer<{ turns: number }>({
      typeDefs: 'type Query { "Spins until stopped." spin: Int }',
      resolvers: {
        Query: {
          // Without the check it would run for ever; the guard of 10 s only keeps a broken check from hanging the test.
          spin: (_: unknown, __: unknown, ctx: { turns: number }) => {
            const stop = Date.now() + 10_000;
            while (Date.now() < stop) {
              withinExecutionBudget(ctx);
              ctx.turns++;
            }
            return ctx.turns;
          },
        },
      },
      plugins: [executionBoundPlugin({ timeMs: 150, maxResolvedFields: 1e9 })],
    });
    await server.start();
    const t0 = Date.now();
    const res = await server.executeOperation({ query: '{ spin }' }, { contextValue: { turns: 0 } });
    const took = Date.now() - t0;
    await server.stop();
    const single = res.body.kind === 'single' ? res.body.singleResult : null;
    expect(single?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'EXECUTION_LIMIT' });
    expect(single?.data?.spin ?? null).toBeNull();
    expect(took).toBeLessThan(5_000);
  });

  it('stops a resolver at its next query of the record framework once the budget is spent', async () => {
    const { db } = await openTestSubgraph(subgraph);
    const config = subgraphApolloConfig(subgraph, db);
    // Spent before the first field: the plugin checks the clock every 64 fields, the repository on every query.
    const server = new ApolloServer<SubgraphContext>({ ...config, plugins: [...config.plugins, executionBoundPlugin({ timeMs: -1, maxResolvedFields: 1e9 })] });
    const { result } = await run(server, db, '{ womenProtectionCases(unitId: "province:14") { nodes { id } } }');
    expect(result?.errors?.[0]?.extensions).toMatchObject({ reason: 'EXECUTION_LIMIT' });
    expect(result?.errors?.[0]?.path).toEqual(['womenProtectionCases']);
  });
});
