/**
 * The gateway's `_entities` call is answered with one SQL statement per kind of record, not one per
 * representation (issue 17): the answers keep the representations' order, an unknown or malformed id
 * answers null, and a record the caller may not read answers null as before.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { openTestSubgraph, staff, BINH_THUAN, CHIENG_PHA, TO_HIEU, type TestSubgraph } from '@antt/testing';
import { SUBGRAPHS } from '../gateway/src/subgraphs.js';

const women = SUBGRAPHS.find((s) => s.name === 'women')!;
const kind = women.kinds.find((k) => k.spec.type === 'WomenActivity')!;
const table = kind.spec.table;

let db: TestSubgraph;
let ids: string[];

const record = async (unitId: string, date: string, topic: string): Promise<string> => {
  const res = await db.run(staff('women'), 'mutation ($input: RecordWomenActivityInput!) { r: recordWomenActivity(input: $input) { id } }', {
    input: { ...kind.spec.example, unitId, date, topic },
  });
  expect(res.errors).toBeUndefined();
  return (res.data as { r: { id: string } }).r.id;
};

// Records of Chiềng Pha (2021), Tô Hiệu and Bình Thuận (2025), written by the province's staff.
let outside: string;
let inside: string;
beforeAll(async () => {
  db = await openTestSubgraph(women);
  ids = [];
  for (let i = 0; i < 5; i++) ids.push(await record(CHIENG_PHA, '2021-08-10', `Tuyên truyền ${i}`));
  outside = await record(TO_HIEU, '2025-08-10', 'Tuyên truyền ở Tô Hiệu');
  inside = await record(BINH_THUAN, '2025-08-10', 'Tuyên truyền ở Bình Thuận');
});

afterAll(() => db.sqlite.close());

/** The statements run on the kind's table while `f` runs, by their SQL. */
async function statementsOn<T>(sqlite: Database.Database, f: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'get' | 'all' | 'iterate', (...a: unknown[]) => unknown>;
  const statements: string[] = [];
  const spies = (['get', 'all', 'iterate'] as const).map((m) => {
    const original = proto[m];
    return vi.spyOn(proto, m).mockImplementation(function (this: { source: string }, ...a: unknown[]) {
      if (this.source.includes(` ${table} `)) statements.push(this.source);
      return original.apply(this, a);
    });
  });
  try {
    return { result: await f(), statements };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

const entities = (identity: ReturnType<typeof staff>, representations: unknown[]) =>
  db.run(identity, `query($r: [_Any!]!) { _entities(representations: $r) { ... on WomenActivity { id topic } } }`, { r: representations });

describe('entity lookups of the record framework', () => {
  it('answers all the records of one _entities call with one statement, in the order asked', async () => {
    const asked = [ids[3]!, 'hoat-dong:women:khong-co', ids[0]!, 'không hợp lệ!', ids[4]!, ids[3]!];
    const { result, statements } = await statementsOn(db.sqlite, () =>
      entities(
        staff('women'),
        asked.map((id) => ({ __typename: 'WomenActivity', id })),
      ),
    );
    expect(result.errors).toBeUndefined();
    const got = (result.data as { _entities: ({ id: string } | null)[] })._entities.map((e) => e?.id ?? null);
    expect(got).toEqual([ids[3], null, ids[0], null, ids[4], ids[3]]);
    expect(statements.length).toBe(1);
  });

  it('still answers null for a record outside the caller’s commune', async () => {
    const res = await entities(staff('women', BINH_THUAN), [
      { __typename: 'WomenActivity', id: outside },
      { __typename: 'WomenActivity', id: inside },
    ]);
    expect(res.errors).toBeUndefined();
    expect((res.data as { _entities: ({ id: string } | null)[] })._entities.map((e) => e?.id ?? null)).toEqual([null, inside]);
  });
});
