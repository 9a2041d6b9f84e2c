/**
 * A subgraph whose suppression pattern cannot be computed (SECURITY.md, "Disclosure control", "When a
 * computation fails"): the family's figures stay hidden from a dashboard, the failure is counted once in
 * the metrics and shown on /ready, and further reads during the back-off start no new attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_SOURCES, registerFamilySource } from '@antt/disclosure';
import { SUBGRAPHS } from '@antt/gateway';
import { openOrganizationDatabase, startSubgraph, type RunningServer } from '@antt/subgraph-kit';
import { PROVINCE, dashboard, staff, testVerifier } from '@antt/testing';
import { post, testGatewaySecret } from './support/federation.js';

let veterans: RunningServer;
let closeDb: () => void;
let attempts = 0;

beforeAll(async () => {
  // The handovers' source fails as a broken table would.
  const real = FAMILY_SOURCES.tipHandovers!;
  registerFamilySource('tipHandovers', {
    ...real,
    records() {
      attempts++;
      throw new Error('no such table: tip_handovers');
    },
  });
  const sg = SUBGRAPHS.find((s) => s.name === 'veterans')!;
  const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: true, today: '2026-12-02' });
  closeDb = () => sqlite.close();
  veterans = await startSubgraph(sg, { db, verifier: await testVerifier(), gatewaySecret: testGatewaySecret('veterans'), port: 0 });
}, 120_000);

afterAll(async () => {
  await veterans?.stop();
  closeDb?.();
});

const Q = `{ unit(id: "${PROVINCE}") { veterans { tipHandovers(periodId: "2024-PLAN-Y") { handovers } } } }`;
type A = { unit: { veterans: { tipHandovers: { handovers: number | null } } } };
const base = () => veterans.url.replace(/\/graphql$/, '');
const failuresCounted = async () => {
  const text = await (await fetch(`${base()}/metrics`)).text();
  return {
    total: Number(/^antt_disclosure_pattern_failures_total\{family="tipHandovers",service="veterans"\} (\d+)/m.exec(text)?.[1] ?? 0),
    failing: Number(/^antt_disclosure_patterns_failing\{service="veterans"\} (\d+)/m.exec(text)?.[1] ?? -1),
  };
};

describe('a suppression pattern that fails', () => {
  it('keeps the figures hidden, is counted once, shows on /ready, and is not retried during the back-off', async () => {
    const own = await post<A>(veterans.url, Q, {}, staff('veterans', PROVINCE));
    expect(own.data?.unit.veterans.tipHandovers.handovers).toBeGreaterThan(0);
    const first = await post<A>(veterans.url, Q, {}, dashboard());
    expect(first.errors).toBeUndefined();
    expect(first.data?.unit.veterans.tipHandovers.handovers).toBeNull();
    // The computation fails at once (its source throws before any program).
    await new Promise((r) => setTimeout(r, 200));
    expect(attempts).toBe(1);
    expect(await failuresCounted()).toEqual({ total: 1, failing: 1 });
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { disclosure: { family: string; state: string; failures: number; retryInMs: number }[] };
    const state = body.disclosure.find((d) => d.family === 'tipHandovers')!;
    expect(state).toMatchObject({ state: 'FAILED', failures: 1 });
    expect(state.retryInMs).toBeGreaterThan(5_000);
    expect(JSON.stringify(body)).not.toContain('no such table');
    for (let i = 0; i < 5; i++) expect((await post<A>(veterans.url, Q, {}, dashboard())).data?.unit.veterans.tipHandovers.handovers).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(attempts).toBe(1);
    expect(await failuresCounted()).toEqual({ total: 1, failing: 1 });
  });
});
