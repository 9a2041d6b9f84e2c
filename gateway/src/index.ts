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
  startTracing,
  stopTracing,
  subgraphUrlVariable,
  verifierFromEnv,
} from '@antt/subgraph-kit';
import { demoUsers, loadOrCreateSigningKey, signToken } from '@antt/auth';
import { ORGANIZATION_IDS } from '@antt/reference';
import { startGateway } from './server.js';
import { loadGatewayConfig } from './config.js';

// The environment is checked before anything is opened or generated: a wrong setting stops here, naming the variable.
const server = await startOrExit(async () => {
  const config = loadGatewayConfig();
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
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
    dedup: config.dedup,
    // Demo mode (pnpm start sets ANTT_DEMO=1): the pages offer each demo user, signed with the embedded key.
    demoUsers: config.demo
      ? async () => {
          const key = await loadOrCreateSigningKey(keysDir());
          return Promise.all(demoUsers().map(async (u) => ({ key: u.key, label: `${u.identity.name} (${u.key})`, token: await signToken(key, u.identity) })));
        }
      : undefined,
  });
});
log.info({ service: 'gateway', url: server.url }, 'listening');
const shutdown = async () => {
  await server.stop();
  await stopTracing();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
