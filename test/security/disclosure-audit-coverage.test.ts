/**
 * The audit covers every sensitive family (SECURITY.md, "Disclosure control"): each family with a source
 * is audited by `pnpm disclosure:audit` in every organization whose database keeps its table, and the
 * script audits a family as the tests do (here the police's reintegration cases, one district, one year:
 * nothing pinned, nothing unprotected).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAMILY_SOURCES } from '@antt/disclosure';
import { openOrganizationDatabase } from '@antt/subgraph-kit';
import { THUAN_CHAU } from '@antt/testing';
import { AUDITED } from './disclosure-audit.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('pnpm disclosure:audit', () => {
  it('audits every family with a source in every organization that keeps its table', () => {
    const families = Object.keys(FAMILY_SOURCES).filter((f) => FAMILY_SOURCES[f]);
    // The ones this work put under control are among them.
    for (const f of ['crimeTips', 'policeReintegration', 'reintegrationSupported', 'victims']) expect(families).toContain(f);
    const covered = new Set<string>();
    for (const { org, subgraph, families: audited } of AUDITED) {
      const { sqlite } = openOrganizationDatabase(subgraph, { file: ':memory:', demo: false });
      const kept = families.filter(
        (f) =>
          (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`).get(FAMILY_SOURCES[f]!.table) as { n: number }).n > 0,
      );
      sqlite.close();
      expect([...audited].sort(), org).toEqual(kept.sort());
      for (const f of audited) covered.add(f);
    }
    expect([...covered].sort()).toEqual(families.sort());
  });

  it('audits a family for a district and a year and finds nothing pinned', { timeout: 120_000 }, () => {
    const out = execFileSync('npx', ['tsx', 'scripts/disclosure-audit.ts', '2024', '--scope', THUAN_CHAU, '--family', 'policeReintegration'], {
      cwd: root,
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as {
      scope: string;
      years: number[];
      results: { org: string; family: string; cells: number; primary: number; pinned: unknown[]; unprotected: number }[];
    };
    expect(r.scope).toBe(THUAN_CHAU);
    expect(r.years).toEqual([2024]);
    expect(r.results.map((x) => `${x.org}:${x.family}`)).toEqual(['police:policeReintegration']);
    expect(r.results[0]!.cells).toBeGreaterThan(0);
    expect(r.results[0]!.primary).toBeGreaterThan(0);
    expect(r.results[0]!.pinned).toEqual([]);
    expect(r.results[0]!.unprotected).toBe(0);
  });
});
