/**
 * Demo data loads once per database and per module: a restart keeps users' changes, and a module added
 * after a database was created loads its demo data into it on the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrganizationDatabase } from '@antt/subgraph-kit';
import { subgraph as women } from '@antt/women';

const TODAY = '2026-11-27';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(file: string) {
  return openOrganizationDatabase(women, { file, demo: true, today: TODAY });
}
const count = (sqlite: ReturnType<typeof open>['sqlite'], table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('demo data', () => {
  it('loads once per database: a restart loads nothing and keeps what is there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-demo-'));
    dirs.push(dir);
    const file = join(dir, 'women.sqlite');
    const first = open(file);
    expect(first.seeded).toBeGreaterThan(0);
    const sizes = ['activities', 'models', 'opinions'].map((t) => count(first.sqlite, t));
    expect(sizes.every((n) => n > 0)).toBe(true);
    first.sqlite.close();
    const again = open(file);
    expect(again.seeded).toBe(0);
    expect(['activities', 'models', 'opinions'].map((t) => count(again.sqlite, t))).toEqual(sizes);
    again.sqlite.close();
  });

  it('loads a module’s demo data into a database created before the module existed, and only that module’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-demo-'));
    dirs.push(dir);
    const file = join(dir, 'women.sqlite');
    const first = open(file);
    const activities = count(first.sqlite, 'activities');
    const models = count(first.sqlite, 'models');
    // As a database made before the models module: its table empty, its demo never loaded.
    first.sqlite.exec(`DELETE FROM models; DELETE FROM meta WHERE key = 'demo_loaded_at:models'`);
    first.sqlite.close();
    const upgraded = open(file);
    expect(upgraded.seeded).toBe(models);
    expect(count(upgraded.sqlite, 'models')).toBe(models);
    expect(count(upgraded.sqlite, 'activities')).toBe(activities);
    upgraded.sqlite.close();
  });
});
