/**
 * Bulk-written records (bulk.ts, issue 17) are the records the demo writer's creates make: the same
 * rows column for column except the record id (new and never reused), the file's integrity and audit
 * chain verify, and one refused input refuses the whole batch with create's own message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPE_NAMES,
  PLAN_TASK_OF,
  TOPICS,
  activityKind,
  bulkDemoWriter,
  checkCopy,
  demoWriter,
  openOrganizationDatabase,
  type ActivityType,
} from '@antt/subgraph-kit';
import { DemoRandom, addDays, areasOf, communesOn } from '@antt/reference';
import { subgraph as police } from '@antt/police';

const TODAY = '2026-11-27';
const dir = mkdtempSync(join(tmpdir(), 'antt-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EVERYDAY = ACTIVITY_TYPE_NAMES.filter((t) => t !== 'FESTIVAL_DAY_19_AUGUST' && t !== 'GREAT_UNITY_DAY_18_NOVEMBER');

/** Seeded activities on the communes and residential areas of the map in force on each date. */
function inputs(n: number): Record<string, unknown>[] {
  const r = new DemoRandom(7, 'police');
  return Array.from({ length: n }, () => {
    const date = addDays('2023-01-01', r.int(0, 3 * 365));
    const commune = r.pick(communesOn(date));
    const areas = areasOf(commune.id, date);
    const unit = areas.length && r.chance(60) ? r.pick(areas) : commune;
    const type = r.pick(EVERYDAY) as ActivityType;
    return {
      type,
      topic: r.pick(TOPICS[type]),
      date,
      unitId: unit.id,
      participants: r.int(3, 180),
      note: r.chance(20) ? 'Ghi chú' : null,
      planTaskId: PLAN_TASK_OF[type],
    };
  });
}

function open(name: string) {
  return openOrganizationDatabase(police, { file: join(dir, `${name}.sqlite`), demo: false, today: TODAY });
}

type Row = Record<string, unknown>;
const rowsOf = (sqlite: ReturnType<typeof open>['sqlite']) => sqlite.prepare('SELECT * FROM activities ORDER BY id').all() as Row[];

describe('bulk records', () => {
  const given = inputs(400);
  const created = open('created');
  const bulk = open('bulk');
  const kind = activityKind('police');
  const write = demoWriter(created.db, 'police', TODAY);
  created.sqlite.transaction(() => given.forEach((i) => write(kind, i)))();
  const written = bulkDemoWriter(bulk.db, 'police', TODAY)(kind, given);

  it('stores the rows a create stores, all but the record id, which is new for every record', () => {
    expect(written).toBe(given.length);
    const a = rowsOf(created.sqlite);
    const b = rowsOf(bulk.sqlite);
    expect(b).toHaveLength(given.length);
    const without = (r: Row) => ({ ...r, record_id: undefined });
    expect(b.map(without)).toEqual(a.map(without));
    // Every row has its content hash, and the hashes differ where the inputs do.
    expect(b.every((r) => typeof r.content_hash === 'string' && (r.content_hash as string).length === 64)).toBe(true);
    const ids = new Set([...a, ...b].map((r) => r.record_id as string));
    expect(ids.size).toBe(2 * given.length);
    expect(b.every((r) => /^activity:police:[0-9a-z]+$/.test(r.record_id as string))).toBe(true);
  });

  it('leaves a file whose integrity and audit chain verify', () => {
    bulk.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const check = checkCopy(join(dir, 'bulk.sqlite'));
    expect(check.integrity).toBe(true);
    expect(check.auditChain).toBe(true);
  });

  it("refuses a whole batch for one refused input, with create's own message, and writes none of it", () => {
    const before = rowsOf(bulk.sqlite).length;
    const bad = { ...given[0]!, unitId: 'khong-co-don-vi' };
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    const fromBulk = refusal(() => bulkDemoWriter(bulk.db, 'police', TODAY)(kind, [given[1]!, bad]));
    const fromCreate = refusal(() => write(kind, bad));
    expect(fromBulk).not.toBeNull();
    expect(fromBulk).toBe(fromCreate);
    expect(rowsOf(bulk.sqlite)).toHaveLength(before);
  });
});
