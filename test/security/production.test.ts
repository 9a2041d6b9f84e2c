/** Production mode: no introspection and no field suggestions ("Did you mean …?"), on every server. */
import { afterEach, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { subgraphApolloConfig, type SubgraphContext } from '@antt/subgraph-kit';
import { leadership, openTestSubgraph } from '@antt/testing';
import { contextFor } from '@antt/subgraph-kit';
import { subgraph } from '@antt/women';

const before = process.env.ANTT_ENV;
afterEach(() => {
  if (before === undefined) delete process.env.ANTT_ENV;
  else process.env.ANTT_ENV = before;
});

async function serverIn(mode: 'production' | 'development') {
  process.env.ANTT_ENV = mode;
  const { db } = await openTestSubgraph(subgraph);
  const server = new ApolloServer<SubgraphContext>(subgraphApolloConfig(subgraph, db));
  return async (query: string) => {
    const res = await server.executeOperation({ query }, { contextValue: contextFor(subgraph, db, leadership(), { fromGateway: true }) });
    return res.body.kind === 'single' ? res.body.singleResult : null;
  };
}

describe('production mode', () => {
  it('refuses introspection and gives no field suggestions', async () => {
    const run = await serverIn('production');
    expect((await run('{ __schema { types { name } } }'))?.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await run('{ womenActivitis { totalCount } }');
    expect(typo?.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('keeps both for developers outside production', async () => {
    const run = await serverIn('development');
    expect((await run('{ __schema { queryType { name } } }'))?.errors).toBeUndefined();
    expect((await run('{ womenActivitis { totalCount } }'))?.errors?.[0]?.message).toMatch(/Có phải ý bạn là "womenActivities"/);
  });
});
