/**
 * A hung subgraph: the information department's subgraph runs as its own process and is stopped with
 * SIGSTOP (its kernel still accepts connections and reads requests; nothing answers). Callers of it
 * wait the configured timeout at most, a few times, then its circuit opens and they are answered at
 * once without it; queries that do not touch it are as fast as before; none of its sockets leaks;
 * after SIGCONT one probe closes the circuit again.
 *
 * test/degraded.e2e.test.ts checks the same breaker against an in-process stand-in that never
 * answers; here the hang is a real process's, and the sockets are counted by the kernel (ss): the
 * gateway's connections to the hung process are no more than before it hung (each timed-out call's
 * socket is closed; an open circuit opens none).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '@antt/gateway';
import { ORGANIZATION_IDS, ORGANIZATIONS } from '@antt/reference';
import type { RunningServer } from '@antt/subgraph-kit';
import { leadership } from '@antt/testing';
import { post } from '../support/federation.js';
import { FAULT_SECRETS, freePort, makeDataDir, startInProcess, startSubgraphProcess, type DataDir, type ServiceProcess } from './support/processes.js';

const TIMEOUT_MS = 3_000;
const RESET_MS = 5_000;
const WOMEN_ONLY = /* GraphQL */ `
  {
    unit(id: "province:14") {
      name
      women {
        activityCounts(periodId: "2021-PLAN-Y") {
          type
          count
        }
      }
    }
  }
`;
const WOMEN_AND_INFOCOMM = /* GraphQL */ `
  {
    unit(id: "province:14") {
      name
      women {
        activityCounts(periodId: "2021-PLAN-Y") {
          type
          count
        }
      }
      infocomm {
        activityCounts(periodId: "2021-PLAN-Y") {
          type
          count
        }
      }
    }
  }
`;
const INFOCOMM_DOWN = {
  message: `${ORGANIZATIONS.infocomm.nameVi} tạm thời không trả lời: phần số liệu này để trống.`,
  path: ['unit', 'infocomm'],
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', organization: 'Sở Thông tin và Truyền thông tỉnh Sơn La' },
};

let data: DataDir;
let infocomm: ServiceProcess;
let others: Awaited<ReturnType<typeof startInProcess>>;
let gateway: RunningServer;

/** Connections the kernel holds open from any client to `port` (the gateway is the only client here). */
const established = (port: number) =>
  execFileSync('ss', ['-Htn', 'state', 'established', `( dport = :${port} )`], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.trim()).length;
const timed = async <T>(f: () => Promise<T>) => {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
};
const circuit = async () =>
  ((await (await fetch(gateway.url.replace(/\/graphql$/, '/ready'))).json()) as { subgraphs: Record<string, string> }).subgraphs.infocomm;

beforeAll(async () => {
  data = await makeDataDir('hang');
  infocomm = await startSubgraphProcess('infocomm', { data, file: `${data.dir}/infocomm.sqlite`, port: await freePort(), demo: true });
  // Every other organization in this process: the gateway's fallback finds the shared fields there.
  others = await startInProcess(ORGANIZATION_IDS.filter((o) => o !== 'infocomm'));
  gateway = await startGateway({
    verifier: data.verifier,
    gatewaySecret: FAULT_SECRETS,
    auditFile: ':memory:',
    subgraphTimeoutMs: TIMEOUT_MS,
    breakerResetMs: RESET_MS,
    // Sockets to the hung process are counted here: the report watermark probe (tested in
    // stale-reports.e2e.test.ts) runs once at the start only, not during the count.
    reportProbeMs: 3_600_000,
    subgraphUrls: { ...others.urls, infocomm: infocomm.url },
  });
}, 900_000);
afterAll(async () => {
  infocomm?.child.kill('SIGCONT');
  await gateway?.stop();
  await others?.stop();
  await infocomm?.kill();
  data?.remove();
});

describe('a subgraph process stopped with SIGSTOP', () => {
  it('costs its callers the timeout a few times, then nothing; leaves other queries alone, leaks no socket; recovers after SIGCONT', async () => {
    const who = await data.bearer(leadership());
    const port = Number(new URL(infocomm.url).port);
    const up = await post(gateway.url, WOMEN_AND_INFOCOMM, {}, who);
    expect(up.errors).toBeUndefined();
    const womenUp = await timed(() => post(gateway.url, WOMEN_ONLY, {}, who));
    expect(womenUp.value.errors).toBeUndefined();

    const baseline = established(port);
    process.kill(infocomm.child.pid!, 'SIGSTOP');
    // Callers wait for the timeout, no longer, and get the rest of their answer, until the circuit opens
    // (three calls in the window, half of them failed: after two timeouts here, the first call having succeeded).
    const waits: number[] = [];
    while (waits.length < 5 && (await circuit()) !== 'OPEN') {
      const { value, ms } = await timed(() => post<{ unit: Record<string, unknown> }>(gateway.url, WOMEN_AND_INFOCOMM, {}, who));
      waits.push(Math.round(ms));
      expect(value.status).toBe(200);
      expect(value.errors).toEqual([INFOCOMM_DOWN]);
      expect(value.data!.unit.women).toEqual((up.data as { unit: Record<string, unknown> }).unit.women);
    }
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits.length).toBeLessThanOrEqual(3);
    for (const ms of waits) expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    for (const ms of waits) expect(ms).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(await circuit()).toBe('OPEN');
    // The gateway gave up its sockets to the hung process, and opens none while the circuit is open.
    // (An idle keep-alive connection from before the hang may remain; one per timed-out call may not.)
    const whileOpen = established(port);
    expect(whileOpen).toBeLessThanOrEqual(baseline);
    const open = await timed(() => post(gateway.url, WOMEN_AND_INFOCOMM, {}, who));
    expect(open.value.errors).toEqual([INFOCOMM_DOWN]);
    expect(open.ms).toBeLessThan(TIMEOUT_MS / 2);
    expect(established(port)).toBe(whileOpen);
    // A query that does not touch the department never waited.
    const womenHung = await timed(() => post(gateway.url, WOMEN_ONLY, {}, who));
    expect(womenHung.value).toEqual(womenUp.value);
    expect(womenHung.ms).toBeLessThan(TIMEOUT_MS / 2);
    const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { subgraphs: Record<string, string> }).subgraphs).toMatchObject({ infocomm: 'OPEN', women: 'CLOSED' });

    process.kill(infocomm.child.pid!, 'SIGCONT');
    // After the reset time one request probes it (half-open), and its answer closes the circuit.
    for (const until = Date.now() + 30_000; (await circuit()) === 'OPEN' && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
    expect(await circuit()).toBe('HALF_OPEN');
    const back = await post(gateway.url, WOMEN_AND_INFOCOMM, {}, who);
    expect(back).toEqual(up);
    expect(await circuit()).toBe('CLOSED');
    console.info(
      `[hang] waits while closed ${waits.join(', ')} ms (timeout ${TIMEOUT_MS}); open circuit ${Math.round(open.ms)} ms; women-only ${Math.round(womenHung.ms)} ms`,
    );
  }, 120_000);
});
