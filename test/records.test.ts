/**
 * The record lifecycle, run over every kind of every organization from the framework's own list (each
 * subgraph's `kinds`), so that no kind is missed: create, a retry with the same client key, the same
 * key with other content, correct, void, history, `asRecordedAt` before and after a correction,
 * `effectiveOn`, counts before and after, the kind's contradiction rule, and erasure of a personal field.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { addDays, periodContaining } from '@antt/reference';
import { openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { isReportKind, type RecordKind } from '@antt/subgraph-kit';
import { SUBGRAPHS } from '../gateway/src/subgraphs.js';

type Result = Awaited<ReturnType<TestSubgraph['run']>>;

function data<T>(res: Result, field: string): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return (res.data as Record<string, T>)[field]!;
}

function refusal(res: Result): { message: string; extensions?: Record<string, unknown> } {
  expect(res.errors?.length, 'expected an error').toBeGreaterThan(0);
  return res.errors![0]!;
}

/** The selection of a record's fields: scalars as they are, the unit by id. */
function selection(kind: RecordKind): string {
  const fields = Object.entries(kind.spec.fields).map(([k, f]) => (f.type === 'unit' || f.type === 'record' ? `${kind.outputName(k)} { id }` : k));
  // A kind whose own status means something else names the record's standing otherwise (statusField).
  const status = kind.statusField === 'status' ? 'status' : `status: ${kind.statusField}`;
  return `id version ${status} reason changedFields erasedFields ${fields.join(' ')}`;
}

/** A field's value as the API returns it, for comparing with what was sent. */
function shown(kind: RecordKind, key: string, record: Record<string, unknown>): unknown {
  const t = kind.spec.fields[key]!.type;
  return t === 'unit' || t === 'record' ? (record[kind.outputName(key)] as { id: string } | null)?.id : record[key];
}

// Report versions change only through the reporting workflow (its own tests: test/reports.e2e.test.ts).
const all = SUBGRAPHS.flatMap((sg) => sg.kinds.filter((kind) => !isReportKind(kind)).map((kind) => ({ sg, kind })));

describe('the record framework', () => {
  it('knows the kinds of every organization', () => {
    expect(all.length).toBeGreaterThan(0);
    const types = all.map(({ kind }) => kind.spec.type);
    expect(new Set(types).size, 'a type declared twice').toBe(types.length);
  });
});

describe.each(all.map(({ sg, kind }) => [kind.spec.type, sg, kind] as const))('%s', (_type, sg, kind) => {
  const s = kind.spec;
  const me = staff(s.org);
  const sel = selection(kind);
  // A field pointing at another record gets a record made from that kind's own example (see beforeAll).
  const input: Record<string, unknown> = { ...s.example };
  const change: Record<string, unknown> = { ...s.exampleChange };
  const date = input[s.dateField] as string;
  const unitId = input[s.unitField] as string;
  const year = periodContaining('YEAR', date)!.id;
  let db: TestSubgraph;

  const create = (inp: Record<string, unknown>, clientKey?: string) =>
    db.run(me, `mutation($input: Record${s.type}Input!, $key: String) { r: ${s.create}(input: $input, clientKey: $key) { ${sel} } }`, {
      input: inp,
      key: clientKey,
    });
  const correct = (id: string, changes: Record<string, unknown>, reason = 'Sửa theo biên bản kiểm tra') =>
    db.run(
      me,
      `mutation($id: ID!, $changes: Correct${s.type}Input!, $reason: String!) { r: ${kind.correctMutation}(id: $id, changes: $changes, reason: $reason) { ${sel} } }`,
      { id, changes, reason },
    );
  const voidIt = (id: string, reason = 'Ghi trùng, hủy bản này') =>
    db.run(me, `mutation($id: ID!, $reason: String!) { r: ${kind.voidMutation}(id: $id, reason: $reason) { ${sel} } }`, { id, reason });
  const list = async (args: Record<string, unknown> = {}) =>
    data<{ nodes: Record<string, unknown>[]; totalCount: number }>(
      await db.run(
        me,
        `query($unitId: ID, $asOf: DateTime, $eff: Date, $voided: Boolean) { l: ${s.list}(unitId: $unitId, asRecordedAt: $asOf, effectiveOn: $eff, includeVoided: $voided, first: 200) { totalCount nodes { ${sel} } } }`,
        { unitId, ...args },
      ),
      'l',
    );
  const history = async (id: string) =>
    data<{ history: Record<string, unknown>[] }[]>(
      await db.run(me, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${s.type} { history { ${selection(kind).replace(/^id /, '')} } } } }`, {
        r: [{ __typename: s.type, id }],
      }),
      '_entities',
    )[0]!.history;
  const counts = async (asOf?: string) => {
    if (!s.counts) return null;
    const res = await db.run(
      me,
      `query($u: [_Any!]!, $p: ID!, $asOf: DateTime) { _entities(representations: $u) { ... on Unit { ${s.org} { c: ${s.counts.field}(periodId: $p, asRecordedAt: $asOf) { n: ${s.counts.countField ?? 'count'} } } } } }`,
      { u: [{ __typename: 'Unit', id: unitId }], p: year, asOf },
    );
    return data<Record<string, { c: { n: number } }>[]>(res, '_entities')[0]![s.org]!.c.n;
  };

  beforeAll(async () => {
    db = await openTestSubgraph(sg);
    for (const [key, f] of Object.entries(s.fields)) {
      if (f.type !== 'record' || !f.refKind) continue;
      const target = f.refKind().spec;
      const make = async () =>
        data<{ id: string }>(
          await db.run(me, `mutation($input: Record${target.type}Input!) { r: ${target.create}(input: $input) { id } }`, { input: target.example }),
          'r',
        ).id;
      if (key in input) input[key] = await make();
      if (key in change) change[key] = await make();
    }
  });

  it('records, retries safely, corrects, voids and reads back every version', async () => {
    const before = await counts();
    const key = `suite-${s.type}-1`;
    const r1 = data<Record<string, unknown>>(await create(input, key), 'r');
    expect(r1).toMatchObject({ version: 1, status: 'ACTIVE', reason: null, changedFields: [] });
    for (const k of Object.keys(input)) expect(shown(kind, k, r1), k).toEqual(input[k]);
    const rows = db.count(s.table);

    // A retry with the same key and content returns the same record and stores nothing more.
    const again = data<Record<string, unknown>>(await create(input, key), 'r');
    expect(again.id).toBe(r1.id);
    expect(db.count(s.table)).toBe(rows);
    // The same key with other content is refused.
    expect(refusal(await create({ ...input, ...change }, key)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CLIENT_KEY_REUSED' });
    if (before !== null) expect(await counts()).toBe(before + 1);

    const recordedAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const r2 = data<Record<string, unknown>>(await correct(r1.id as string, change), 'r');
    expect(r2).toMatchObject({ id: r1.id, version: 2, status: 'ACTIVE', reason: 'Sửa theo biên bản kiểm tra' });
    expect((r2.changedFields as string[]).sort()).toEqual(Object.keys(change).sort());
    for (const k of Object.keys(change)) expect(shown(kind, k, r2), k).toEqual(change[k]);
    // A correction with nothing new, or without a real reason, is refused.
    expect(refusal(await correct(r1.id as string, change)).extensions).toMatchObject({ reason: 'NO_CHANGE' });
    expect(refusal(await correct(r1.id as string, change, 'x')).extensions).toMatchObject({ reason: 'REASON_TOO_SHORT' });

    // History: both versions, the first as it was.
    const h = await history(r1.id as string);
    expect(h.map((v) => v.version)).toEqual([1, 2]);
    for (const k of Object.keys(change)) expect(shown(kind, k, h[0]!), k).toEqual(shown(kind, k, r1));

    // asRecordedAt before the correction reads version 1; now reads version 2.
    const then = (await list({ asOf: recordedAt })).nodes.find((n) => n.id === r1.id)!;
    expect(then.version).toBe(1);
    expect((await list()).nodes.find((n) => n.id === r1.id)!.version).toBe(2);
    if (before !== null) {
      expect(await counts(recordedAt)).toBe(before + 1);
      expect(await counts()).toBe(before + 1);
    }

    // effectiveOn: a record dated after the day asked for is not counted in.
    expect((await list({ eff: addDays(date, -1) })).nodes.some((n) => n.id === r1.id)).toBe(false);
    expect((await list({ eff: date })).nodes.some((n) => n.id === r1.id)).toBe(true);

    // Void: it stops counting and leaves lists; its versions stay readable.
    const r3 = data<Record<string, unknown>>(await voidIt(r1.id as string), 'r');
    expect(r3).toMatchObject({ version: 3, status: 'VOIDED' });
    if (before !== null) expect(await counts()).toBe(before);
    expect((await list()).nodes.some((n) => n.id === r1.id)).toBe(false);
    expect((await list({ voided: true })).nodes.find((n) => n.id === r1.id)?.status).toBe('VOIDED');
    expect((await history(r1.id as string)).map((v) => v.status)).toEqual(['ACTIVE', 'ACTIVE', 'VOIDED']);
    expect(refusal(await correct(r1.id as string, change)).extensions).toMatchObject({ reason: 'VOIDED' });
  });

  it('refuses a record that contradicts one already kept, naming it', async () => {
    if (!s.unique) return;
    const first = data<Record<string, unknown>>(await create(input), 'r');
    const res = refusal(await create(input));
    expect(res.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: s.unique.reason ?? 'CONTRADICTS_EXISTING' });
    expect(res.message).toContain(first.id as string);
    // The record stands aside for the tests that follow, which record the same example again.
    data(await voidIt(first.id as string), 'r');
  });

  it('erases a personal field in every version without changing a count', async () => {
    if (!kind.eraseMutation) return;
    const field = kind.personalFields[0]!;
    const r = data<Record<string, unknown>>(await create(input, `suite-${s.type}-erase`), 'r');
    data(await correct(r.id as string, change), 'r');
    const before = await counts();
    const res = await db.run(
      me,
      `mutation($id: ID!, $f: ${s.type}PersonalField!) { r: ${kind.eraseMutation}(id: $id, field: $f, legalBasis: "Yêu cầu của chủ thể dữ liệu, Luật 91/2025/QH15") { ${sel} } }`,
      { id: r.id, f: field },
    );
    expect(data<Record<string, unknown>>(res, 'r').erasedFields).toEqual([field]);
    for (const v of await history(r.id as string)) expect(v[field], `version ${String(v.version)}`).toBeNull();
    expect(await counts()).toBe(before);
  });
});
