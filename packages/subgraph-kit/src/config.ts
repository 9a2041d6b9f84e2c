/**
 * Configuration from the environment, with the embedded default for everything: a new user runs the
 * federation with no settings at all. Every service validates its environment at start against one
 * schema (zod): `subgraphEnvSchema` here, the gateway's in gateway/src/config.ts. A wrong value stops the
 * service with a message naming the variable (never its value) and exit code 78 (EX_CONFIG).
 *
 * Production (ANTT_ENV=production) generates nothing and loads no demo data: it needs ANTT_JWKS_URL (the
 * identity provider's keys), each subgraph's ANTT_GATEWAY_SECRET_<ORG>, each subgraph's service key
 * (ANTT_SERVICE_KEY_FILE) and the police's ANTT_POLICE_IDENTITY_KEYS. Every variable is listed, with its
 * default, in .env.example and OPERATIONS.md.
 */
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import {
  createVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_CLOCK_SKEW_S,
  DEFAULT_ISSUER,
  DEFAULT_MAX_TOKEN_LIFETIME_S,
  loadOrCreateSigningKey,
  type TokenVerifier,
} from '@antt/auth';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import { z } from 'zod';

/**
 * A service refuses to start for a reason its operator must fix (a setting, a database): the message is
 * printed without a stack trace and the process exits with `exitCode` (see startOrExit).
 */
export class StartRefused extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'StartRefused';
  }
}

/** The environment does not validate: every problem, each naming its variable and never its value. */
export class ConfigurationError extends StartRefused {
  /** EX_CONFIG of sysexits.h: a service manager may be told not to restart on it (systemd: RestartPreventExitStatus=78). */
  static readonly EXIT_CODE = 78;
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`, ConfigurationError.EXIT_CODE);
    this.name = 'ConfigurationError';
  }
}

/** Production mode: ANTT_ENV=production (or NODE_ENV=production, which libraries also read). */
export function isProductionEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ANTT_ENV === 'production' || env.NODE_ENV === 'production';
}

// Unset and empty are the same: the default.
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

/** A whole number from `min` up (to `max`), in the given unit. */
export function envWholeNumber(min: number, unit: string, max?: number) {
  const range =
    max === undefined ? `từ ${min} trở lên (a whole number of ${unit}, at least ${min})` : `từ ${min} đến ${max} (a whole number from ${min} to ${max})`;
  const n = z.coerce
    .number({ error: `phải là số nguyên ${range}` })
    .int({ error: `phải là số nguyên ${range}` })
    .min(min, { error: `phải là số nguyên ${range}` });
  return z.preprocess(unsetIfEmpty, (max === undefined ? n : n.max(max, { error: `phải là số nguyên ${range}` })).optional());
}

/** One of a few words. */
export function envEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(unsetIfEmpty, z.enum(values, { error: `phải là một trong: ${values.join(', ')} (must be one of them)` }).optional());
}

/** An http(s) URL. */
export const envUrl = z.preprocess(
  unsetIfEmpty,
  z.url({ protocol: /^https?$/, error: 'phải là một địa chỉ http:// hoặc https:// (must be an http or https URL)' }).optional(),
);

/** Any text that is not empty when set. */
export const envText = z.preprocess(unsetIfEmpty, z.string().optional());

/** A gateway secret: long enough not to be guessed. */
export const envSecret = z.preprocess(unsetIfEmpty, z.string().min(32, { error: 'phải dài ít nhất 32 ký tự (at least 32 characters)' }).optional());

/** Settings every service reads: the gateway's and each subgraph's schema start from these. */
export const commonEnvShape = {
  ANTT_ENV: envEnum(['development', 'production']),
  OTEL_EXPORTER_OTLP_ENDPOINT: envUrl,
  NODE_ENV: envText,
  HOST: envText,
  PORT: envWholeNumber(0, 'port', 65535),
  ANTT_DATA_DIR: envText,
  ANTT_LOG_LEVEL: envEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  ANTT_JWKS_URL: envUrl,
  ANTT_JWT_ISSUER: envText,
  ANTT_JWT_AUDIENCE: envText,
  ANTT_TOKEN_MAX_LIFETIME_S: envWholeNumber(1, 'seconds'),
  ANTT_TOKEN_CLOCK_SKEW_S: envWholeNumber(1, 'seconds'),
  ANTT_RATE_LIMIT_PER_MINUTE: envWholeNumber(1, 'requests'),
  ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: envWholeNumber(1, 'requests'),
  ANTT_MAX_COST: envWholeNumber(1, 'cost units'),
  ANTT_EXECUTION_BUDGET_MS: envWholeNumber(1, 'milliseconds'),
  ANTT_SHUTDOWN_GRACE_MS: envWholeNumber(1, 'milliseconds'),
  ANTT_SHUTDOWN_LINGER_MS: envWholeNumber(0, 'milliseconds'),
  ANTT_MAX_RESOLVED_FIELDS: envWholeNumber(1, 'fields'),
  ANTT_METRICS_TOKEN: envText,
  ANTT_DEBUG_ERRORS: envEnum(['0', '1']),
  ANTT_TRUST_PROXY: envText,
  ANTT_EXPLORER: envEnum(['0', '1']),
  ANTT_DISCLOSURE_THRESHOLD: envWholeNumber(1, 'people'),
  ANTT_DISCLOSURE_PROTECTION: envWholeNumber(1, 'people'),
  ANTT_GATEWAY_SECRET: z.preprocess(
    unsetIfEmpty,
    z.undefined({ error: 'không còn được chấp nhận: đặt ANTT_GATEWAY_SECRET_<ORG> cho từng subgraph (no longer accepted: one secret per subgraph)' }),
  ),
  ...Object.fromEntries(ORGANIZATION_IDS.map((org) => [subgraphUrlVariable(org), envUrl])),
};

/** Production needs it set: the service generates no stand-in. */
export function envRequired(why: string) {
  return z.preprocess(unsetIfEmpty, z.string({ error: `bắt buộc khi ANTT_ENV=production: ${why}` }));
}

/** Production refuses `1`. */
export function envNotInProduction(why: string) {
  return z.preprocess(unsetIfEmpty, z.literal('0', { error: `không được bằng 1 khi ANTT_ENV=production: ${why}` }).optional());
}

/** What production adds to every service's settings: keys come from the identity provider, data has a chosen home. */
export const productionEnvShape = {
  ANTT_DATA_DIR: envRequired('nơi đặt cơ sở dữ liệu phải được chọn (required in production: where the databases live)'),
  ANTT_JWKS_URL: envRequired('máy chủ không tự tạo khoá ký (required in production, no signing key is generated)'),
  ANTT_DEBUG_ERRORS: envNotInProduction('không gửi stack trace cho người dùng (no stack traces to clients in production)'),
};

/** Required in production: a gateway secret (one per subgraph). */
export const envRequiredSecret = envRequired('không tự tạo bí mật của gateway (required in production, no secret is generated)');

/** A subgraph's environment: the common settings, its database, demo data, its secret and keys. */
export function subgraphEnvSchema(org: OrganizationId) {
  return z.object({
    ...commonEnvShape,
    ANTT_DB_FILE: envText,
    ANTT_DEMO_DATA: envEnum(['0', '1']),
    ANTT_SQLITE_SYNCHRONOUS: envEnum(['NORMAL', 'FULL']),
    [gatewaySecretVariable(org)]: envSecret,
    ANTT_SERVICE_KEY_FILE: envText,
    ANTT_SERVICE_JWKS_URL: envUrl,
    ANTT_DISCLOSURE_PRECOMPUTE: envEnum(['0', '1']),
    ANTT_DISCLOSURE_SCOPE: envText,
    ANTT_DISCLOSURE_YEARS: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^\d{4}(,\d{4})*$/, { error: 'phải là các năm cách nhau bởi dấu phẩy (comma-separated years)' })
        .optional(),
    ),
    ANTT_REFERENCE_RECHECK_MS: envWholeNumber(1, 'milliseconds'),
    ANTT_REFERENCE_TIMEOUT_MS: envWholeNumber(1, 'milliseconds'),
    ANTT_REFERENCE_LIMIT_PER_MINUTE: envWholeNumber(1, 'requests'),
    ANTT_REFERENCE_USER_LIMIT_PER_MINUTE: envWholeNumber(1, 'requests'),
    ANTT_SERVICE_LIMIT_PER_MINUTE: envWholeNumber(1, 'requests'),
    ANTT_AUDIT_ANCHOR_DIR: envText,
    ANTT_AUDIT_ANCHOR_URL: envUrl,
    ANTT_AUDIT_ANCHOR_INTERVAL_MS: envWholeNumber(1000, 'milliseconds'),
    ...(org === 'police' ? { ANTT_POLICE_IDENTITY_KEYS: envText } : {}),
  });
}

/** What a subgraph needs in production on top of its schema: nothing generated, no demo data. */
export function subgraphProductionSchema(org: OrganizationId) {
  return z.object({
    ...productionEnvShape,
    [gatewaySecretVariable(org)]: envRequiredSecret,
    ANTT_SERVICE_KEY_FILE: envRequired('khoá ký của dịch vụ được cấp, không tự tạo (required in production, no service key is generated)'),
    ANTT_SERVICE_JWKS_URL: envRequired("bộ khoá xác minh của các dịch vụ, riêng với của người dùng (required in production: the services' key set)"),
    ANTT_DEMO_DATA: envNotInProduction('không nạp dữ liệu mẫu (no demo data in production)'),
    ...(org === 'police' ? { ANTT_POLICE_IDENTITY_KEYS: envRequired('không tự tạo khoá mã hoá danh tính (required in production, no key is generated)') } : {}),
  });
}

/** The problems of a failed validation, one line each, naming the variable. */
export function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(môi trường)'}: ${i.message}`);
}

/**
 * Validates an environment against a schema and, in production, against what production adds; throws
 * ConfigurationError listing every problem of both.
 */
export function validateEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env, production?: z.ZodType): z.output<S> {
  const r = schema.safeParse(env);
  const problems = r.success ? [] : problemsOf(r.error);
  if (production && isProductionEnv(env)) {
    const p = production.safeParse(env);
    if (!p.success) problems.push(...problemsOf(p.error).filter((line) => !problems.includes(line)));
  }
  if (problems.length || !r.success) throw new ConfigurationError(problems);
  return r.data;
}

/** A subgraph's validated settings (defaults filled in where the code needs them at start). */
export interface SubgraphConfig {
  production: boolean;
  /** Load the demo data once into a new database: ANTT_DEMO_DATA, default 1 outside production, never in production. */
  demoData: boolean;
  synchronous: 'NORMAL' | 'FULL';
}

export function loadSubgraphConfig(org: OrganizationId, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const v = validateEnv(subgraphEnvSchema(org), env, subgraphProductionSchema(org)) as Record<string, string | number | undefined>;
  const production = isProductionEnv(env);
  return {
    production,
    demoData: production ? false : v.ANTT_DEMO_DATA !== '0',
    synchronous: v.ANTT_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL',
  };
}

/**
 * Runs a service's start: a refusal (a setting, a database) is printed without a stack trace, it is the
 * operator's to fix, and the process exits with its code (78 for the configuration); anything else is
 * thrown on.
 */
export async function startOrExit<T>(start: () => Promise<T> | T): Promise<T> {
  try {
    return await start();
  } catch (e) {
    if (!(e instanceof StartRefused)) throw e;
    console.error(e.message);
    process.exit(e.exitCode);
  }
}

/** Root of the checkout (packages/subgraph-kit/src → ../../..). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Where databases and keys of the embedded default live (git-ignored). */
export function dataDir(): string {
  return process.env.ANTT_DATA_DIR ? resolve(process.env.ANTT_DATA_DIR) : join(REPO_ROOT, '.data');
}

export function keysDir(): string {
  return join(dataDir(), 'keys');
}

export const GATEWAY_DEFAULT_PORT = 4000;

/** Default port of a subgraph: 4001 for the Front, then in the order of the plan's list. */
export function defaultPort(org: OrganizationId): number {
  return 4001 + ORGANIZATION_IDS.indexOf(org);
}

/** Environment variable naming a subgraph's URL for the gateway, e.g. ANTT_WOMEN_URL. */
export function subgraphUrlVariable(org: OrganizationId): string {
  return `ANTT_${org.toUpperCase()}_URL`;
}

export function portFromEnv(fallback: number): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a port number, got "${raw}".`);
  return n;
}

/** A whole number of seconds from the environment; a typo refuses to start rather than weakening a check. */
function positiveSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of seconds above 0.`);
  return n;
}

/**
 * The token verifier: production sets ANTT_JWKS_URL (the identity provider's key set); the embedded
 * default verifies against the key generated under .data/keys on first start.
 */
export async function verifierFromEnv(): Promise<TokenVerifier> {
  const settings = {
    issuer: process.env.ANTT_JWT_ISSUER ?? DEFAULT_ISSUER,
    audience: process.env.ANTT_JWT_AUDIENCE ?? DEFAULT_AUDIENCE,
    maxLifetimeSeconds: positiveSeconds('ANTT_TOKEN_MAX_LIFETIME_S', DEFAULT_MAX_TOKEN_LIFETIME_S),
    clockSkewSeconds: positiveSeconds('ANTT_TOKEN_CLOCK_SKEW_S', DEFAULT_CLOCK_SKEW_S),
  };
  if (process.env.ANTT_JWKS_URL) return createVerifier({ jwksUrl: new URL(process.env.ANTT_JWKS_URL) }, settings);
  if (isProductionEnv()) throw new ConfigurationError(['ANTT_JWKS_URL: bắt buộc khi ANTT_ENV=production (required in production)']);
  await loadOrCreateSigningKey(keysDir());
  const jwks = JSON.parse(readFileSync(join(keysDir(), 'jwks.json'), 'utf8'));
  return createVerifier({ jwks }, settings);
}

/** Environment variable holding the gateway's secret for one subgraph, e.g. ANTT_GATEWAY_SECRET_POLICE. */
export function gatewaySecretVariable(org: OrganizationId): string {
  return `ANTT_GATEWAY_SECRET_${org.toUpperCase()}`;
}

/**
 * The secret the gateway presents to one subgraph (so that only it may use _entities and _service
 * there): ANTT_GATEWAY_SECRET_<ORG>, else generated under .data/keys/gateway-<org>.secret on first
 * use. Each subgraph accepts only its own; the gateway holds all of them. The former single
 * ANTT_GATEWAY_SECRET, which opened every subgraph, is refused.
 */
export function gatewaySecret(org: OrganizationId): string {
  if (process.env.ANTT_GATEWAY_SECRET)
    throw new Error('ANTT_GATEWAY_SECRET (one secret for every subgraph) is no longer accepted: set ANTT_GATEWAY_SECRET_<ORG> for each subgraph.');
  const fromEnv = process.env[gatewaySecretVariable(org)];
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error(`${gatewaySecretVariable(org)} must be at least 32 characters.`);
    return fromEnv;
  }
  if (isProductionEnv()) throw new ConfigurationError([`${gatewaySecretVariable(org)}: bắt buộc khi ANTT_ENV=production (required in production)`]);
  const file = join(keysDir(), `gateway-${org}.secret`);
  if (!existsSync(file)) {
    mkdirSync(keysDir(), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** Every subgraph's secret, for the gateway. */
export function gatewaySecrets(): Record<OrganizationId, string> {
  return Object.fromEntries(ORGANIZATION_IDS.map((org) => [org, gatewaySecret(org)])) as Record<OrganizationId, string>;
}

/** The gateway's ceiling on V8's old generation, in MiB (serviceRuntime). */
export const GATEWAY_OLD_SPACE_MIB = 1024;

/**
 * How a service's own process runs, the same for `pnpm start` and for the benchmarks (which measure what
 * start runs): for a subgraph, V8's young generation kept at 2 MB semi-spaces (V8's default is 16: 24 MiB
 * less resident per subgraph at no measurable cost to its start) and one malloc arena (glibc's default is
 * up to eight per core, one per thread that allocates: the memory SQLite and V8's helper threads freed while
 * the demo data was loaded was kept in the threads' arenas, the police at 142-159 MiB resident after its
 * first start against 132-147 with one arena, at the same CPU), and WebAssembly compiled by TurboFan alone
 * (`--no-liftoff`): the disclosure audit's solver (HiGHS, 3.5 MB of WebAssembly, @antt/disclosure lp.ts)
 * compiled by V8's default, Liftoff first and then hot functions again by TurboFan, left about 100 MiB
 * more resident; compiled once by TurboFan about 50 (the police 233 -> 189 MiB, the women 179 -> 157 after
 * the dashboard load), its patterns computed as fast (2.1 s for the police's tips), the first about 0.4 s
 * slower (compiling). Liftoff alone held 5 MiB less but computed 50% slower. Since then the search runs in
 * a child process (@antt/disclosure solver.ts, which drops this flag: its memory goes with it); the flag
 * still holds for a search run inline (a service started without tsx's loader from the sources). Issue 17's 150 MB a
 * subgraph, figures in BENCHMARKS.md. An operator's own MALLOC_ARENA_MAX is kept.
 *
 * The gateway: a 1 GiB ceiling on V8's old generation (`--max-old-space-size=1024`). Without one, on a
 * machine with 24 GiB, V8 lets the old generation grow to about four times what survives a full collection
 * before it collects again: under the soak (issue 17) the gateway keeps about 155 MiB alive and its heap
 * swung between that and 620-670 MiB, its resident memory 560-800 MiB. A ceiling below 2 GiB also lowers
 * how far V8 lets the heap grow between collections (to about 1.6 times at 1 GiB): 255-290 MiB, resident
 * under 400 MiB, for 3-6 ms more marking a second at 100 requests a second (BENCHMARKS.md, "The gateway's
 * heap"). The ceiling is six times what the gateway keeps alive. Any other process as Node runs it.
 */
export function serviceRuntime(name: string, env: NodeJS.ProcessEnv = process.env): { execArgv: string[]; env: Record<string, string> } {
  if (name === 'gateway') return { execArgv: [`--max-old-space-size=${GATEWAY_OLD_SPACE_MIB}`], env: {} };
  if (!(ORGANIZATION_IDS as readonly string[]).includes(name)) return { execArgv: [], env: {} };
  return { execArgv: ['--max-semi-space-size=2', '--no-liftoff'], env: { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '1' } };
}
