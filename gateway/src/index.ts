/**
 * Runs the gateway on its own. Subgraph URLs come from ANTT_<ORG>_URL (default: the embedded
 * default's ports 4001-4009), the port from PORT (default 4000).
 */
import {
  GATEWAY_DEFAULT_PORT,
  gatewaySecrets,
  keysDir,
  log,
  portFromEnv,
  startOrExit,
  startPhases,
  startTracing,
  stopTracing,
  subgraphUrlVariable,
  verifierFromEnv,
} from '@antt/subgraph-kit';
import { demoUsers, loadOrCreateSigningKey, signToken } from '@antt/auth';
import { ORGANIZATION_IDS } from '@antt/reference';
import { startGateway } from './server.js';
import { loadGatewayConfig } from './config.js';

// One `start phase` log line per phase (pnpm bench:start reads them): loading the code until here, the
// configuration, the supergraph, listening, the first round of subgraph probes, ready.
const phases = startPhases('gateway');
phases.mark('modules', performance.now());
// The environment is checked before anything is opened or generated: a wrong setting stops here, naming the variable.
const server = await startOrExit(async () => {
  const config = phases.run('configuration', () => loadGatewayConfig());
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (its libraries are loaded only then).
  await startTracing('gateway');
  const subgraphUrls = Object.fromEntries(
    ORGANIZATION_IDS.flatMap((org) => (process.env[subgraphUrlVariable(org)] ? [[org, process.env[subgraphUrlVariable(org)]!]] : [])),
  );
  return startGateway({
    subgraphUrls,
    verifier: await verifierFromEnv(),
    gatewaySecret: gatewaySecrets(),
    port: portFromEnv(GATEWAY_DEFAULT_PORT),
    host: process.env.HOST,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    breakerResetMs: config.breakerResetMs,
    reportProbeMs: config.reportProbeMs,
    phases,
    dedup: config.dedup,
    batch: config.batch,
    // Demo mode (pnpm start sets ANTT_DEMO=1): the pages offer each demo user, signed with the embedded key.
    demoUsers: config.demo
      ? async () => {
          const key = await loadOrCreateSigningKey(keysDir());
          return Promise.all(demoUsers().map(async (u) => ({ key: u.key, label: `${u.identity.name} (${u.key})`, token: await signToken(key, u.identity) })));
        }
      : undefined,
  });
});
log.info({ service: 'gateway', url: server.url, startMs: Math.round(performance.now()) }, 'listening');
const shutdown = async () => {
  await server.stop();
  await stopTracing();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
