/**
 * Configuration validated at start (zod schemas of the gateway and the subgraphs), .env.example kept in
 * step with the code and OPERATIONS.md, and the database checks at start: integrity, and a database
 * migrated by newer code refused.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError, DatabaseRefused, GATEWAY_OLD_SPACE_MIB, loadSubgraphConfig, openDatabase, serviceRuntime } from '@antt/subgraph-kit';
import { loadGatewayConfig } from '@antt/gateway';
import { ORGANIZATION_IDS } from '@antt/reference';
import { ROOT } from '../scripts/build.js';

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as ConfigurationError).problems;
  }
  throw new Error('the configuration was accepted');
}

const secrets = Object.fromEntries(ORGANIZATION_IDS.map((o) => [`ANTT_GATEWAY_SECRET_${o.toUpperCase()}`, 's'.repeat(40)]));

describe('configuration of the gateway and the subgraphs', () => {
  it('takes the embedded defaults with no settings at all', () => {
    expect(loadSubgraphConfig('women', {})).toEqual({ production: false, demoData: true, synchronous: 'NORMAL' });
    expect(loadGatewayConfig({})).toEqual({
      production: false,
      demo: false,
      subgraphTimeoutMs: 15_000,
      breakerResetMs: 10_000,
      dedup: true,
      batch: true,
      reportProbeMs: 5_000,
    });
    expect(loadGatewayConfig({ ANTT_GATEWAY_DEDUP: '0' }).dedup).toBe(false);
    expect(loadGatewayConfig({ ANTT_GATEWAY_BATCH: '0' }).batch).toBe(false);
    expect(loadGatewayConfig({ ANTT_REPORT_PROBE_MS: '250' }).reportProbeMs).toBe(250);
    expect(() => loadGatewayConfig({ ANTT_REPORT_PROBE_MS: '10' })).toThrow(/ANTT_REPORT_PROBE_MS/);
    expect(loadGatewayConfig({ ANTT_DEMO: '1', ANTT_SUBGRAPH_TIMEOUT_MS: '2500', PORT: '' }).subgraphTimeoutMs).toBe(2500);
  });

  it('names every wrong variable once, and never repeats a value', () => {
    const found = problems(() =>
      loadSubgraphConfig('police', {
        PORT: '70000',
        ANTT_SQLITE_SYNCHRONOUS: 'off-secretvalue',
        ANTT_JWKS_URL: 'ftp://keys.example/secretvalue',
        ANTT_GATEWAY_SECRET_POLICE: 'short-secretvalue',
        ANTT_ENV: 'prod',
        ANTT_REFERENCE_TIMEOUT_MS: '1.5',
        ANTT_GATEWAY_SECRET: 'secretvalue',
      }),
    );
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(
      ['ANTT_ENV', 'ANTT_GATEWAY_SECRET', 'ANTT_GATEWAY_SECRET_POLICE', 'ANTT_JWKS_URL', 'ANTT_REFERENCE_TIMEOUT_MS', 'ANTT_SQLITE_SYNCHRONOUS', 'PORT'].sort(),
    );
    expect(found.join('\n')).not.toContain('secretvalue');
    expect(found.find((p) => p.startsWith('PORT'))).toContain('0 đến 65535');
    expect(
      problems(() => loadGatewayConfig({ ANTT_BREAKER_RESET_MS: 'abc', ANTT_WOMEN_URL: 'not a url', ANTT_GATEWAY_DEDUP: 'yes' }))
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['ANTT_BREAKER_RESET_MS', 'ANTT_GATEWAY_DEDUP', 'ANTT_WOMEN_URL']);
  });

  it('in production requires the key set, the data directory and every secret, and refuses demo data, demo users and stack traces', () => {
    const gateway = problems(() => loadGatewayConfig({ ANTT_ENV: 'production', ANTT_DEMO: '1', ANTT_DEBUG_ERRORS: '1' }));
    expect(gateway.map((p) => p.split(':')[0]).sort()).toEqual(
      ['ANTT_DATA_DIR', 'ANTT_JWKS_URL', 'ANTT_DEMO', 'ANTT_DEBUG_ERRORS', ...Object.keys(secrets)].sort(),
    );
    expect(gateway.find((p) => p.startsWith('ANTT_JWKS_URL'))).toContain('bắt buộc khi ANTT_ENV=production');
    const production = { NODE_ENV: 'production', ANTT_DATA_DIR: '/srv/antt', ANTT_JWKS_URL: 'https://id.example.vn/jwks.json' };
    expect(loadGatewayConfig({ ...production, ...secrets })).toMatchObject({ production: true, demo: false });

    const police = problems(() => loadSubgraphConfig('police', { ...production, ANTT_DEMO_DATA: '1' }));
    expect(police.map((p) => p.split(':')[0]).sort()).toEqual(
      ['ANTT_DEMO_DATA', 'ANTT_GATEWAY_SECRET_POLICE', 'ANTT_POLICE_IDENTITY_KEYS', 'ANTT_SERVICE_JWKS_URL', 'ANTT_SERVICE_KEY_FILE'].sort(),
    );
    const women = {
      ...production,
      ANTT_GATEWAY_SECRET_WOMEN: 's'.repeat(40),
      ANTT_SERVICE_KEY_FILE: '/srv/antt/women-key.json',
      ANTT_SERVICE_JWKS_URL: 'https://id.example.vn/service-jwks.json',
    };
    expect(loadSubgraphConfig('women', women)).toEqual({ production: true, demoData: false, synchronous: 'NORMAL' });
  });
});

describe('.env.example', () => {
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
  const operations = readFileSync(join(ROOT, 'OPERATIONS.md'), 'utf8');

  /** Every variable the services and commands read: ANTT_* named anywhere in their code, and those read as env.NAME. */
  function variablesInCode(): Set<string> {
    const names = new Set<string>();
    const dirs = ['gateway/src', 'scripts', ...['packages', 'subgraphs'].flatMap((d) => readdirSync(join(ROOT, d)).map((p) => `${d}/${p}/src`))];
    for (const dir of dirs) {
      let files: string[];
      try {
        files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
      } catch {
        continue;
      }
      for (const f of files) {
        const code = readFileSync(join(ROOT, dir, f), 'utf8');
        for (const m of code.matchAll(/\bANTT_[A-Z0-9_]*[A-Z0-9]\b/g)) names.add(m[0]);
        for (const m of code.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b/g)) names.add(m[1]!);
      }
    }
    names.delete('VITEST'); // set by the test runner only
    return names;
  }

  it('lists every variable read in the code, each organization’s URL and secret among them', () => {
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    const code = variablesInCode();
    expect(code.size).toBeGreaterThan(30);
    for (const org of ORGANIZATION_IDS) {
      code.add(`ANTT_${org.toUpperCase()}_URL`);
      code.add(`ANTT_GATEWAY_SECRET_${org.toUpperCase()}`);
    }
    // The refused single secret is named (as refused) but not offered as a setting.
    code.delete('ANTT_GATEWAY_SECRET');
    expect(example).toMatch(/\bANTT_GATEWAY_SECRET\b[^_]/);
    expect([...code].filter((v) => !listed.has(v))).toEqual([]);
    expect([...listed].filter((v) => !code.has(v))).toEqual([]);
  });

  it('says the same as OPERATIONS.md: every variable is in its table', () => {
    const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    const perOrganization = /^ANTT_(GATEWAY_SECRET_[A-Z]+|[A-Z]+_URL)$/;
    const missing = listed.filter((v) =>
      perOrganization.test(v) && ORGANIZATION_IDS.some((o) => v.includes(o.toUpperCase())) ? false : !operations.includes(`\`${v}\``),
    );
    expect(missing).toEqual([]);
    expect(operations).toContain('`ANTT_<ORG>_URL`');
    expect(operations).toContain('`ANTT_GATEWAY_SECRET_<ORG>`');
  });
});

describe('the database at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'antt-db-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const migrationsFolder = join(ROOT, 'subgraphs', 'women', 'drizzle');

  it('refuses a database migrated by newer code, or whose migration was edited after it ran, naming the file', () => {
    const file = join(dir, 'women.sqlite');
    const first = openDatabase({ file, migrationsFolder, create: true });
    const applied = first.sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations').all();
    expect(applied.length).toBeGreaterThan(0);
    first.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('a'.repeat(64), Date.now() + 1000);
    first.sqlite.close();
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(DatabaseRefused);
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(/women\.sqlite.*phiên bản phần mềm mới hơn \(1 bước/);

    // A migration of the code edited after it was applied (a different hash) is refused the same way.
    const edited = join(dir, 'edited.sqlite');
    const second = openDatabase({ file: edited, migrationsFolder, create: true });
    second.sqlite.prepare('UPDATE __drizzle_migrations SET hash = ? WHERE rowid = (SELECT min(rowid) FROM __drizzle_migrations)').run('b'.repeat(64));
    second.sqlite.close();
    expect(() => openDatabase({ file: edited, migrationsFolder })).toThrow(DatabaseRefused);
  });

  it('refuses a damaged file with a message naming it, and opens a sound one', () => {
    const sound = join(dir, 'sound.sqlite');
    openDatabase({ file: sound, migrationsFolder, create: true }).sqlite.close();
    const reopened = openDatabase({ file: sound, migrationsFolder });
    expect(reopened.created).toBe(false);
    reopened.sqlite.close();

    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, Buffer.alloc(8192, 7));
    expect(() => openDatabase({ file: damaged, migrationsFolder })).toThrow(/damaged\.sqlite.*không phải cơ sở dữ liệu SQLite hoặc đã hỏng/);
  });
});

describe('how each service process runs (serviceRuntime, the services’ start:prod)', () => {
  const startProd = (folder: string) =>
    (JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod'];

  it('gives the gateway its heap ceiling and each subgraph its memory settings, in pnpm start and in start:prod alike', () => {
    const gateway = serviceRuntime('gateway');
    expect(gateway.execArgv).toEqual([`--max-old-space-size=${GATEWAY_OLD_SPACE_MIB}`]);
    expect(startProd('gateway')).toBe(`node ${gateway.execArgv.join(' ')} --conditions=antt-build dist/index.js`);
    for (const org of ORGANIZATION_IDS) {
      const runtime = serviceRuntime(org, {});
      expect(runtime.env).toEqual({ MALLOC_ARENA_MAX: '1' });
      expect(startProd(join('subgraphs', org))).toBe(`node ${runtime.execArgv.join(' ')} --conditions=antt-build dist/index.js`);
    }
    // An operator's own malloc setting is kept; any other process runs as Node runs it.
    expect(serviceRuntime('police', { MALLOC_ARENA_MAX: '4' }).env).toEqual({ MALLOC_ARENA_MAX: '4' });
    expect(serviceRuntime('hive')).toEqual({ execArgv: [], env: {} });
  });
});
