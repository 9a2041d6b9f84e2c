/**
 * The gateway's settings from the environment, validated at start against one schema (zod): the
 * settings every service shares (packages/subgraph-kit/src/config.ts) and the gateway's own. A wrong
 * value stops the gateway with a message naming the variable, never its value (exit code 78).
 * Production (ANTT_ENV=production) requires ANTT_JWKS_URL and every subgraph's ANTT_GATEWAY_SECRET_<ORG>:
 * the gateway generates neither, and offers no demo users.
 */
import { z } from 'zod';
import {
  commonEnvShape,
  gatewaySecretVariable,
  envUrl,
  isProductionEnv,
  envNotInProduction,
  envEnum,
  productionEnvShape,
  envRequiredSecret,
  envSecret,
  envText,
  validateEnv,
  envWholeNumber,
} from '@antt/subgraph-kit';
import { ORGANIZATION_IDS } from '@antt/reference';

const timeouts = {
  ANTT_SUBGRAPH_TIMEOUT_MS: envWholeNumber(1, 'milliseconds'),
  ANTT_BREAKER_RESET_MS: envWholeNumber(1, 'milliseconds'),
  ANTT_REPORT_PROBE_MS: envWholeNumber(100, 'milliseconds'),
};

export const gatewayEnvSchema = z.object({
  ...commonEnvShape,
  ...timeouts,
  ANTT_DEMO: envEnum(['0', '1']),
  ANTT_GATEWAY_DEDUP: envEnum(['0', '1']),
  ANTT_GATEWAY_BATCH: envEnum(['0', '1']),
  ANTT_CORS_ORIGINS: envText,
  ANTT_SQLITE_SYNCHRONOUS: envEnum(['NORMAL', 'FULL']),
  ANTT_AUDIT_ANCHOR_DIR: envText,
  ANTT_AUDIT_ANCHOR_URL: envUrl,
  ANTT_AUDIT_ANCHOR_INTERVAL_MS: envWholeNumber(1000, 'milliseconds'),
  ...Object.fromEntries(ORGANIZATION_IDS.map((org) => [gatewaySecretVariable(org), envSecret])),
});

/** What the gateway needs in production: the identity provider's keys, every subgraph's secret, no demo users. */
export const gatewayProductionSchema = z.object({
  ...productionEnvShape,
  ANTT_DEMO: envNotInProduction('không có người dùng mẫu (no demo users in production)'),
  ...Object.fromEntries(ORGANIZATION_IDS.map((org) => [gatewaySecretVariable(org), envRequiredSecret])),
});

export interface GatewayConfig {
  production: boolean;
  /** The pages offer the demo users (`pnpm start` sets ANTT_DEMO=1); never in production. */
  demo: boolean;
  /** Longest a subgraph may take to answer before the gateway gives up on it (default 15 s). */
  subgraphTimeoutMs: number;
  /** How long a subgraph's open circuit answers at once before one request probes it again (default 10 s). */
  breakerResetMs: number;
  /** Identical subgraph reads in flight for the same verified caller are sent once (default on). */
  dedup: boolean;
  /** The same caller's reads of one text with other variables, in flight at once, go to the subgraph together (default on; batch.ts). */
  batch: boolean;
  /** How often each subgraph's report watermark is read (default 5 s; report-watermarks.ts). */
  reportProbeMs: number;
}

/** Validates the gateway's environment; throws ConfigurationError listing every problem. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const v = validateEnv(gatewayEnvSchema, env, gatewayProductionSchema) as Record<string, string | number | undefined>;
  const production = isProductionEnv(env);
  return {
    production,
    demo: !production && v.ANTT_DEMO === '1',
    subgraphTimeoutMs: (v.ANTT_SUBGRAPH_TIMEOUT_MS as number | undefined) ?? 15_000,
    breakerResetMs: (v.ANTT_BREAKER_RESET_MS as number | undefined) ?? 10_000,
    dedup: v.ANTT_GATEWAY_DEDUP !== '0',
    batch: v.ANTT_GATEWAY_BATCH !== '0',
    reportProbeMs: (v.ANTT_REPORT_PROBE_MS as number | undefined) ?? 5_000,
  };
}

/** ANTT_SUBGRAPH_TIMEOUT_MS: longest a subgraph may take to answer before the gateway gives up on it. */
export function subgraphTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return validateEnv(z.object({ ANTT_SUBGRAPH_TIMEOUT_MS: timeouts.ANTT_SUBGRAPH_TIMEOUT_MS }), env).ANTT_SUBGRAPH_TIMEOUT_MS ?? 15_000;
}

/** ANTT_BREAKER_RESET_MS: how long a subgraph's open circuit answers at once before one request probes it again. */
export function breakerResetMs(env: NodeJS.ProcessEnv = process.env): number {
  return validateEnv(z.object({ ANTT_BREAKER_RESET_MS: timeouts.ANTT_BREAKER_RESET_MS }), env).ANTT_BREAKER_RESET_MS ?? 10_000;
}

/** ANTT_GATEWAY_DEDUP: `0` sends every subgraph read, even one identical to a read in flight for the same caller. */
export function gatewayDedup(env: NodeJS.ProcessEnv = process.env): boolean {
  return validateEnv(z.object({ ANTT_GATEWAY_DEDUP: envEnum(['0', '1']) }), env).ANTT_GATEWAY_DEDUP !== '0';
}

/** ANTT_GATEWAY_BATCH: `0` sends each subgraph read on its own, even while the same caller's read of the same text is in flight. */
export function gatewayBatch(env: NodeJS.ProcessEnv = process.env): boolean {
  return validateEnv(z.object({ ANTT_GATEWAY_BATCH: envEnum(['0', '1']) }), env).ANTT_GATEWAY_BATCH !== '0';
}

/** ANTT_REPORT_PROBE_MS: how often the gateway reads each subgraph's report watermark (report-watermarks.ts). */
export function reportProbeMs(env: NodeJS.ProcessEnv = process.env): number {
  return validateEnv(z.object({ ANTT_REPORT_PROBE_MS: timeouts.ANTT_REPORT_PROBE_MS }), env).ANTT_REPORT_PROBE_MS ?? 5_000;
}
