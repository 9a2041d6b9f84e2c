/** The per-request execution bound of every subgraph: a cap on resolved fields and a time budget, each a 400. */
import { afterEach, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { contextFor, executionBoundPlugin, RequestAudit, subgraphApolloConfig, type SubgraphContext } from '@antt/subgraph-kit';
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
});
