/**
 * Anchors: the head of each chain (its row count and last hash), recorded periodically outside the
 * database, so that removing the last entries of a trail, or all of them, or rewriting the whole
 * chain consistently, is detected against what was recorded before. The operator chooses where
 * (ANTT_AUDIT_ANCHOR_DIR, a directory on another disk or host, e.g. a mounted share; or
 * ANTT_AUDIT_ANCHOR_URL, a service that keeps what it is sent); the verifier reads a directory.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { CHAINED_TABLES } from './chain.js';
import { GENESIS } from './trail.js';

export interface Anchor {
  /** The table of the chain (audit_log, identity_reads). */
  table: string;
  /** How many rows the chain had. */
  count: number;
  /** The hash of its last row (GENESIS for an empty chain). */
  head: string;
  at: string;
}

export type AnchorTarget = { dir: string } | { url: string };

/** Where anchors go, from ANTT_AUDIT_ANCHOR_DIR or ANTT_AUDIT_ANCHOR_URL; null when neither is set. */
export function anchorTargetFromEnv(env: NodeJS.ProcessEnv = process.env): AnchorTarget | null {
  if (env.ANTT_AUDIT_ANCHOR_URL) return { url: env.ANTT_AUDIT_ANCHOR_URL };
  if (env.ANTT_AUDIT_ANCHOR_DIR) return { dir: env.ANTT_AUDIT_ANCHOR_DIR };
  return null;
}

/** How often anchors are recorded: ANTT_AUDIT_ANCHOR_INTERVAL_MS, default five minutes. */
export function anchorIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ANTT_AUDIT_ANCHOR_INTERVAL_MS;
  if (raw === undefined || raw === '') return 300_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1000) throw new Error('ANTT_AUDIT_ANCHOR_INTERVAL_MS must be a whole number of milliseconds, at least 1000.');
  return ms;
}

/** The name a database's anchors are kept under: its file name without `.sqlite`. */
export function anchorName(file: string): string {
  return basename(file).replace(/\.sqlite$/, '');
}

/** The current head of every chain in the database (audit_log and the chained tables it has). */
export function chainHeads(sqlite: Database.Database, at = new Date().toISOString()): Anchor[] {
  const out: Anchor[] = [];
  for (const table of ['audit_log', ...CHAINED_TABLES.map((c) => c.table)]) {
    if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) continue;
    const cols = sqlite.prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = 'hash'`).get();
    if (!cols) continue;
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    const last = sqlite.prepare(`SELECT hash FROM ${table} ORDER BY id DESC LIMIT 1`).get() as { hash: string | null } | undefined;
    out.push({ table, count: n, head: last?.hash ?? GENESIS, at });
  }
  return out;
}

/** Records anchors: one JSON line per table appended to `<dir>/<name>.anchors.jsonl`, or POSTed to the URL. */
export async function recordAnchors(target: AnchorTarget, name: string, anchors: Anchor[]): Promise<void> {
  if ('url' in target) {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, anchors }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`anchor service answered ${res.status}`);
    return;
  }
  mkdirSync(target.dir, { recursive: true, mode: 0o700 });
  appendFileSync(join(target.dir, `${name}.anchors.jsonl`), anchors.map((a) => JSON.stringify(a) + '\n').join(''), { mode: 0o600 });
}

/** The latest anchor of each table recorded for a database, from an anchor directory. */
export function latestAnchors(dir: string, name: string): Map<string, Anchor> {
  const file = join(dir, `${name}.anchors.jsonl`);
  const out = new Map<string, Anchor>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const a = JSON.parse(line) as Anchor;
      if (typeof a.table === 'string' && Number.isInteger(a.count) && typeof a.head === 'string') out.set(a.table, a);
    } catch {
      // A torn last line (a crash mid-write) is skipped; the previous anchor still holds.
    }
  }
  return out;
}

/**
 * Records the heads at start, then every interval when they changed, and once more on stop. A
 * failure to record is logged, never fatal: the trail itself is still written.
 */
export function startAnchoring(opts: { sqlite: Database.Database; name: string; target: AnchorTarget; intervalMs?: number; log?: (m: string) => void }): {
  flush(): Promise<void>;
  stop(): Promise<void>;
} {
  const log = opts.log ?? ((m) => console.error(m));
  let last = '';
  const record = async () => {
    try {
      const heads = chainHeads(opts.sqlite);
      const key = JSON.stringify(heads.map((h) => [h.table, h.count, h.head]));
      if (key === last) return;
      await recordAnchors(opts.target, opts.name, heads);
      last = key;
    } catch (e) {
      log(`[audit] anchor of ${opts.name} not recorded: ${(e as Error).message}`);
    }
  };
  // One recording at a time: two overlapping ones would both see a change and record it twice.
  let queue: Promise<void> = Promise.resolve();
  const flush = () => (queue = queue.then(record));
  void flush();
  const timer = setInterval(() => void flush(), opts.intervalMs ?? anchorIntervalMs());
  timer.unref();
  return {
    flush,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
