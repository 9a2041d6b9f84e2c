/**
 * `pnpm start`'s wait for a service (scripts/supervise.ts): a slow start that keeps logging is waited
 * for; a service that exits, or goes silent, fails the start with a message naming it and saying why.
 * Stopping is bounded: a service that ignores SIGTERM is killed after the grace period and named.
 * The services here are small node scripts standing in for a subgraph, so the file runs in about a second.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, processLoopbackAddress } from './support/loopback.js';
import { DEFAULT_STOP_GRACE_MS, StartFailed, readableLine, stopGraceMs, stopServices, waitHealthy, watch } from '../scripts/supervise.js';

const started: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A stand-in service running `code`; its output is kept out of the test's. */
function service(name: string, code: string) {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  return watch(name, child, new PassThrough(), new PassThrough());
}

/**
 * A URL where nothing listens (a port just released), on this test process's own loopback address, so
 * that no server of another test file is given the port before a stand-in listens there.
 */
async function deadUrl(): Promise<string> {
  return `http://${await processLoopbackAddress()}:${await freePort()}/health`;
}

describe('pnpm start waits for each service', () => {
  it('names a service that exits before it is healthy, with its exit code and last log line', async () => {
    const w = service('police', `console.log(JSON.stringify({ level: 50, service: 'police', msg: 'Cơ sở dữ liệu police.sqlite bị hỏng' })); process.exit(65);`);
    const failure = await waitHealthy(w, await deadUrl(), 10_000).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(StartFailed);
    const e = failure as StartFailed;
    expect(e.service).toBe('police');
    expect(e.message).toMatch(/^Dịch vụ police không khởi động được: tiến trình dừng với mã thoát 65/);
    expect(e.message).toContain('Dòng nhật ký cuối: Cơ sở dữ liệu police.sqlite bị hỏng');
    expect(e.message).toContain('(police failed to start: exited with code 65');
  });

  it('waits for a slow start as long as it keeps logging, past the silence limit', async () => {
    // Logs a phase every 50 ms and listens only after 2 s: more than twice the silence limit below.
    const url = await deadUrl();
    const { hostname, port } = new URL(url);
    const w = service(
      'front',
      `const http = require('node:http');
       const t = setInterval(() => console.log(JSON.stringify({ msg: 'start phase' })), 50);
       setTimeout(() => { clearInterval(t); http.createServer((q, r) => r.end('ok')).listen(${port}, '${hostname}'); }, 2000);`,
    );
    const began = Date.now();
    await expect(waitHealthy(w, url, 800)).resolves.toBeUndefined();
    expect(Date.now() - began).toBeGreaterThan(1500);
  });

  it('asks again as soon as the service logs that it listens, not at the next poll', async () => {
    // Silent for 3.5 s (the polls are then a second apart), then listens and says so.
    const url = await deadUrl();
    const { hostname, port } = new URL(url);
    const w = service(
      'labour',
      `const http = require('node:http');
       setTimeout(() => http.createServer((q, r) => r.end('ok')).listen(${port}, '${hostname}', () => console.log(JSON.stringify({ msg: 'listening', at: Date.now() }))), 3500);`,
    );
    await expect(waitHealthy(w, url, 10_000)).resolves.toBeUndefined();
    const healthyAt = Date.now();
    const listenedAt = (JSON.parse(w.lastLine) as { at: number }).at;
    // Polling alone answers 0-1000 ms after it listened (the polls fall at 3.15 and 4.15 s).
    expect(healthyAt - listenedAt).toBeLessThan(400);
  });

  it('fails a service that writes nothing for the silence limit, naming it', async () => {
    const w = service('youth', `console.log('loading'); setTimeout(() => {}, 60_000);`);
    // Silence counts from its last line: wait for that line (node itself may take longer than the limit to start).
    await new Promise((r) => w.child.stdout!.once('data', r));
    const began = Date.now();
    const failure = (await waitHealthy(w, await deadUrl(), 300).catch((e: unknown) => e)) as StartFailed;
    expect(failure).toBeInstanceOf(StartFailed);
    expect(failure.service).toBe('youth');
    expect(failure.message).toMatch(/^Dịch vụ youth không khởi động được: \d+ giây không ghi gì/);
    expect(failure.message).toContain('youth made no progress');
    expect(failure.message).toContain('loading');
    expect(Date.now() - began).toBeLessThan(5000);
  });

  it('names a service killed by a signal', async () => {
    const w = service('women', `setTimeout(() => {}, 60_000);`);
    setTimeout(() => w.child.kill('SIGKILL'), 100);
    const failure = (await waitHealthy(w, await deadUrl(), 10_000).catch((e: unknown) => e)) as StartFailed;
    expect(failure.message).toContain('bị dừng bởi tín hiệu SIGKILL');
    expect(failure.message).toContain('women failed to start: killed by SIGKILL');
    expect(failure.message).toContain('it logged nothing');
  });

  it('reads the message of a JSON log line, and a plain line as written', () => {
    expect(readableLine('{"level":50,"msg":"disclosure patterns failed","err":{"message":"boom"}}')).toBe('disclosure patterns failed: boom');
    expect(readableLine('  Error: listen EADDRINUSE  ')).toBe('Error: listen EADDRINUSE');
    expect(readableLine('x'.repeat(400))).toHaveLength(301);
  });
});

describe('pnpm start stops every service, in bounded time', () => {
  it('kills with SIGKILL, after the grace period, a service that ignores SIGTERM and SIGINT, and names it', async () => {
    const stubborn = service('police', `process.on('SIGTERM', () => {}); process.on('SIGINT', () => {}); console.log('ready'); setInterval(() => {}, 1000);`);
    const polite = service('women', `console.log('ready'); setInterval(() => {}, 1000);`);
    // Both have installed what they do on a signal once they have logged.
    await Promise.all([stubborn, polite].map((w) => new Promise((r) => w.child.stdout!.once('data', r))));
    const messages: string[] = [];
    const began = Date.now();
    const killed = await stopServices([stubborn, polite], 400, (m) => messages.push(m));
    const took = Date.now() - began;
    expect(killed).toEqual(['police']);
    expect(stubborn.child.signalCode).toBe('SIGKILL');
    expect(polite.child.signalCode).toBe('SIGTERM');
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(5000);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Dịch vụ police không dừng sau 0\.4 giây kể từ tín hiệu dừng: đã buộc dừng bằng SIGKILL/);
    expect(messages[0]).toContain('(police did not stop within 0.4 s of SIGTERM: killed with SIGKILL');
  });

  it('kills nothing when every service stops on SIGTERM, and skips one already gone', async () => {
    const polite = service('youth', `console.log('ready'); setInterval(() => {}, 1000);`);
    const gone = service('front', `process.exit(0);`);
    await new Promise((r) => polite.child.stdout!.once('data', r));
    await new Promise((r) => (gone.child.exitCode === null ? gone.child.once('exit', r) : r(null)));
    const messages: string[] = [];
    const began = Date.now();
    expect(await stopServices([polite, gone], 10_000, (m) => messages.push(m))).toEqual([]);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(polite.child.signalCode).toBe('SIGTERM');
    expect(messages).toEqual([]);
  });

  it('reads the grace period from ANTT_STOP_GRACE_S, in seconds, default 30', () => {
    expect(DEFAULT_STOP_GRACE_MS).toBe(30_000);
    expect(stopGraceMs({})).toBe(30_000);
    expect(stopGraceMs({ ANTT_STOP_GRACE_S: '2.5' })).toBe(2500);
    expect(stopGraceMs({ ANTT_STOP_GRACE_S: '0' })).toBe(30_000);
    expect(stopGraceMs({ ANTT_STOP_GRACE_S: 'soon' })).toBe(30_000);
  });
});
