/**
 * A subgraph started twice on the same data directory (issue 17): the first start loads the demo data,
 * the second loads none and finds every table, and the audit trail's chain, exactly as the first left
 * them; both log each phase of their start as one JSON line. The elderly's subgraph is the smallest
 * demo, so the file stays a few seconds of CPU.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@antt/subgraph-kit';

const tsx = createRequire(import.meta.url).resolve('tsx');
const dir = mkdtempSync(join(tmpdir(), 'antt-second-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  msg?: string;
  phase?: string;
  ms?: number;
  records?: number;
  demoRecords?: number;
  module?: string;
}

/** Starts the subgraph on port 0 until it listens, then stops it; returns its JSON log lines. */
async function startOnce(): Promise<Line[]> {
  const child = spawn(process.execPath, ['--import', tsx, join(REPO_ROOT, 'subgraphs', 'elderly', 'src', 'index.ts')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ANTT_DATA_DIR: dir, PORT: '0', ANTT_LOG_LEVEL: 'info', APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  await new Promise<void>((resolve, reject) => {
    let rest = '';
    child.stdout.on('data', (b: Buffer) => {
      const parts = (rest + b.toString()).split('\n');
      rest = parts.pop()!;
      for (const p of parts.filter((l) => l.startsWith('{'))) {
        const line = JSON.parse(p) as Line;
        lines.push(line);
        if (line.msg === 'listening') resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the subgraph exited (${code}) before listening: ${stderr}`)));
  });
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return lines;
}

/** Rows of every table of the database (and the audit chain's head), to compare two starts. */
function snapshot(): { tables: Record<string, number>; head: unknown } {
  const db = new Database(join(dir, 'elderly.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    const tables = Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
    return { tables, head: db.prepare('SELECT * FROM audit_log ORDER BY rowid DESC LIMIT 1').get() ?? null };
  } finally {
    db.close();
  }
}

describe('a second start on the same data', () => {
  it('loads no demo data again and leaves every table and the audit chain as the first start left them', async () => {
    const first = await startOnce();
    const listening = first.find((l) => l.msg === 'listening')!;
    expect(listening.demoRecords).toBeGreaterThan(0);
    const after = snapshot();
    expect(after.tables.activities).toBeGreaterThan(0);

    const second = await startOnce();
    expect(second.find((l) => l.msg === 'listening')!.demoRecords).toBe(0);
    expect(second.find((l) => l.msg === 'start phase' && l.phase === 'demo-data')!.records).toBe(0);
    // No module's demo data was loaded the second time.
    expect(second.filter((l) => l.msg === 'demo module loaded')).toEqual([]);
    expect(snapshot()).toEqual(after);

    // Each start says where its time went, one line per phase, in order.
    for (const run of [first, second])
      expect(run.filter((l) => l.msg === 'start phase').map((l) => l.phase)).toEqual(
        expect.arrayContaining(['modules', 'configuration', 'database', 'demo-data', 'schema', 'listen']),
      );
    expect(first.filter((l) => l.msg === 'demo module loaded').length).toBeGreaterThan(0);
    // The first start collects its garbage twice, after the demo data and after the schema; a restart, never.
    const phasesOf = (run: typeof first) => run.filter((l) => l.msg === 'start phase').map((l) => l.phase);
    expect(phasesOf(first).filter((p) => p === 'schema' || p!.startsWith('release-'))).toEqual(['release-demo-memory', 'schema', 'release-schema-memory']);
    expect(phasesOf(second).filter((p) => p!.startsWith('release-'))).toEqual([]);
    // Two starts compiled through tsx: about 8 s of CPU each, much longer on a shared machine.
  }, 180_000);
});
