/**
 * Loopback addresses of a test's own, where the system has them (Linux routes all of 127.0.0.0/8 to the
 * loopback), else 127.0.0.1. Outage and crash tests stop a server and start it again on its port; on the
 * shared 127.0.0.1, a server of a test file running in parallel could be given the freed port meanwhile
 * and answer in its place (with its own keys: a 401 where the test expects the organization to be
 * unreachable; seen in CI). Every other test server binds 127.0.0.1, so none can take a port on an
 * address of its own, and a connection to the stopped server is refused, as to a host that is down.
 */
import { createServer } from 'node:net';

/** A new address each call: 127.a.b.c with a from 1 (127.0.x.x is left to the system), or 127.0.0.1. */
export async function ownLoopbackAddress(): Promise<string> {
  const octet = (from: number) => from + Math.floor(Math.random() * (255 - from));
  const candidate = `127.${octet(1)}.${octet(0)}.${octet(1)}`;
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve('127.0.0.1'));
    probe.listen(0, candidate, () => probe.close(() => resolve(candidate)));
  });
}

let shared: Promise<string> | undefined;
/** One such address for the whole test process (where a free port is found first and a server started on it later). */
export function processLoopbackAddress(): Promise<string> {
  return (shared ??= ownLoopbackAddress());
}

/** A TCP port free right now on `host` (by default this test process's own loopback address, where its servers start). */
export async function freePort(host?: string): Promise<number> {
  host ??= await processLoopbackAddress();
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
