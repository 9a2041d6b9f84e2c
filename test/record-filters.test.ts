/**
 * The filters every kind's root list takes (packages/subgraph-kit's record listing, shared by all
 * subgraphs): the kind's own filter (an activity's type), the unit, a date range that narrows the
 * period, and the record's standing (only the standing records, or only the voided ones).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BINH_THUAN, CHIENG_PHA, THUAN_CHAU, ok, openTestSubgraph, refused, staff, type TestSubgraph } from '@antt/testing';
import { SUBGRAPHS } from '../gateway/src/subgraphs.js';

const women = SUBGRAPHS.find((s) => s.name === 'women')!;
const me = staff('women', THUAN_CHAU);
let db: TestSubgraph;
const ids: Record<string, string> = {};

const LIST = `query($u: ID, $p: ID, $type: ActivityType, $from: Date, $to: Date, $st: RecordStatus, $voided: Boolean) {
  l: womenActivities(unitId: $u, periodId: $p, type: $type, from: $from, to: $to, recordStatus: $st, includeVoided: $voided, first: 200) {
    totalCount nodes { id status topic }
  }
}`;
const list = async (args: Record<string, unknown>) => {
  const l = ok<{ totalCount: number; nodes: { id: string; status: string; topic: string }[] }>(await db.run(me, LIST, args), 'l');
  expect(l.totalCount).toBe(l.nodes.length);
  return l.nodes.map((n) => n.topic).sort();
};

beforeAll(async () => {
  db = await openTestSubgraph(women);
  const make = async (topic: string, type: string, date: string, unitId: string) =>
    (ids[topic] = ok<{ id: string }>(
      await db.run(me, `mutation($i: RecordWomenActivityInput!) { r: recordWomenActivity(input: $i) { id } }`, {
        i: { topic, type, date, unitId, participants: 10 },
      }),
      'r',
    ).id);
  await make('A tuyên truyền tháng 3', 'PROPAGANDA', '2024-03-05', CHIENG_PHA);
  await make('B họp tháng 3', 'MEETING', '2024-03-20', CHIENG_PHA);
  await make('C tuyên truyền tháng 5', 'PROPAGANDA', '2024-05-02', THUAN_CHAU);
  await make('D họp tháng 6 bị hủy', 'MEETING', '2024-06-10', CHIENG_PHA);
  const voided = await db.run(me, `mutation($id: ID!, $why: String!) { r: voidWomenActivity(id: $id, reason: $why) { id } }`, {
    id: ids['D họp tháng 6 bị hủy'],
    why: 'Ghi trùng, hủy bản này',
  });
  ok(voided, 'r');
});

describe('a kind\u2019s root list', () => {
  it('filters by the kind\u2019s own filter, the unit and a date range within the period', async () => {
    expect(await list({ u: THUAN_CHAU, p: '2024' })).toEqual(['A tuyên truyền tháng 3', 'B họp tháng 3', 'C tuyên truyền tháng 5']);
    expect(await list({ u: THUAN_CHAU, p: '2024', type: 'PROPAGANDA' })).toEqual(['A tuyên truyền tháng 3', 'C tuyên truyền tháng 5']);
    expect(await list({ u: CHIENG_PHA, p: '2024' })).toEqual(['A tuyên truyền tháng 3', 'B họp tháng 3']);
    expect(await list({ u: THUAN_CHAU, from: '2024-03-10', to: '2024-05-02' })).toEqual(['B họp tháng 3', 'C tuyên truyền tháng 5']);
    // The range narrows the period, never widens it: March of 2024 with a range reaching into May.
    expect(await list({ u: THUAN_CHAU, p: '2024-03', to: '2024-05-31' })).toEqual(['A tuyên truyền tháng 3', 'B họp tháng 3']);
    expect(await list({ u: THUAN_CHAU, from: '2024-04-01', to: '2024-04-30' })).toEqual([]);
  });

  it('lists only the standing records, only the voided ones, or both', async () => {
    const all = ['A tuyên truyền tháng 3', 'B họp tháng 3', 'C tuyên truyền tháng 5'];
    expect(await list({ u: THUAN_CHAU, p: '2024' })).toEqual(all);
    expect(await list({ u: THUAN_CHAU, p: '2024', st: 'ACTIVE', voided: true })).toEqual(all);
    expect(await list({ u: THUAN_CHAU, p: '2024', st: 'VOIDED' })).toEqual(['D họp tháng 6 bị hủy']);
    expect(await list({ u: THUAN_CHAU, p: '2024', voided: true })).toEqual([...all, 'D họp tháng 6 bị hủy'].sort());
    expect(await list({ u: THUAN_CHAU, p: '2024', st: 'VOIDED', type: 'PROPAGANDA' })).toEqual([]);
  });

  it('refuses a range that ends before it starts, naming the field, without echoing the dates', async () => {
    const e = refused(await db.run(me, LIST, { u: THUAN_CHAU, from: '2024-05-01', to: '2024-04-01' }));
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e.extensions?.problems).toEqual([{ field: 'to', message: 'Đến ngày phải cùng ngày hoặc sau Từ ngày.', reason: 'DATE_RANGE_REVERSED' }]);
    expect(JSON.stringify(e)).not.toMatch(/2024-0[45]-01/);
  });
});

describe('the units a filter or a form may name', () => {
  const SEARCH = `query($t: String!, $on: Date, $mine: Boolean) { searchUnits(text: $t, on: $on, mine: $mine, first: 50) { id name level parent { id } } }`;
  type Found = { id: string; name: string; level: string; parent: { id: string } | null }[];

  it('finds a unit of the caller\u2019s jurisdiction by name with or without diacritics, and none outside it', async () => {
    for (const t of ['chieng pha', 'Chiềng Pha']) {
      const found = ok<Found>(await db.run(me, SEARCH, { t, on: '2024-06-01', mine: true }), 'searchUnits');
      expect(found.map((u) => u.id)).toEqual([CHIENG_PHA]);
    }
    // Phường Chiềng Lề is in the city of Sơn La, not in the district: the province-wide search finds it, the caller's does not.
    const everywhere = ok<Found>(await db.run(me, SEARCH, { t: 'chieng le', on: '2024-06-01' }), 'searchUnits');
    expect(everywhere.map((u) => u.name)).toContain('Phường Chiềng Lề');
    expect(ok<Found>(await db.run(me, SEARCH, { t: 'chieng le', on: '2024-06-01', mine: true }), 'searchUnits')).toEqual([]);
    // Every commune the district's staff find is the district's.
    const communes = ok<Found>(await db.run(me, SEARCH, { t: 'xa', on: '2024-06-01', mine: true }), 'searchUnits');
    expect(communes.filter((u) => u.level === 'COMMUNE').length).toBeGreaterThan(5);
    expect(communes.filter((u) => u.level === 'COMMUNE' && u.parent?.id !== THUAN_CHAU)).toEqual([]);
    // Today's commune's staff find the commune it was formed from, on the map of a day before 1 July 2025.
    const binhThuan = staff('women', BINH_THUAN);
    const before = ok<Found>(await db.run(binhThuan, SEARCH, { t: 'chieng pha', on: '2024-06-01', mine: true }), 'searchUnits');
    expect(before.map((u) => u.id)).toEqual([CHIENG_PHA]);
    expect(ok<Found>(await db.run(binhThuan, SEARCH, { t: 'chieng le', on: '2024-06-01', mine: true }), 'searchUnits')).toEqual([]);
  });
});
