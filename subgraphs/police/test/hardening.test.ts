/**
 * Nothing goes unrecorded in the police subgraph: a failed read of a reporter's identity is a failed
 * read, a tip looked up by another organization is a refusal with its id, the reasons are validated
 * and kept in a hash chain the database protects.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDENTITY_READS_CHAIN, verifyChainedTable, verifyTrail } from '@antt/audit';
import { BINH_THUAN, PROVINCE, openTestSubgraph, staff, user, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const commune = staff('police', BINH_THUAN);
const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);
const tip = {
  channel: 'PHONE',
  receivedAt: '2026-03-02T02:00:00.000Z',
  unitId: BINH_THUAN,
  summary: 'Nghi đánh bạc',
  category: 'GAMBLING',
  reporter: { fullName: 'Lò Văn Tố', phone: '0912345678' },
  confidentialityRequested: false,
};
const REASON = 'Xác minh nguồn tin theo kế hoạch';

let s: TestSubgraph;
let id: string;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph);
  id = (
    (await s.run(commune, 'mutation ($i: RecordCrimeTipInput!) { recordCrimeTip(input: $i) { id } }', { i: tip })).data as { recordCrimeTip: { id: string } }
  ).recordCrimeTip.id;
});
const trail = () =>
  s.sqlite.prepare("SELECT user_id, action, type_name, record_ids, fields, outcome FROM audit_log WHERE action != 'WRITE' ORDER BY id").all() as Record<
    string,
    string
  >[];
const reporter = (tipId: string, reason: string) =>
  s.run(investigator, 'query ($t: ID!, $r: String!) { policeTipReporter(tipId: $t, reason: $r) { fullName } }', { t: tipId, r: reason });

describe('reasons for reading a reporter’s identity', () => {
  it.each([
    ['a single letter', 'x'],
    ['a lone NUL', '\u0000'],
    ['too short', 'Xác minh'],
    ['one long word', 'aaaaaaaaaaaaaaaaaaaaaa'],
    ['a right-to-left override', `Xác minh \u202Enguồn tin theo kế hoạch`],
    ['CR/LF', 'Xác minh nguồn tin\r\nOK: đã duyệt'],
    ['a NUL inside', 'Xác minh nguồn tin\u0000 theo kế hoạch'],
    ['a zero-width space', 'Xác minh nguồn\u200B tin theo kế hoạch'],
  ])('refuses %s (400, without repeating it), reading and keeping nothing', async (_w, reason) => {
    const res = await reporter(id, reason);
    expect(res.data?.policeTipReporter ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    if (reason.length > 3) expect(res.errors?.[0]?.message).not.toContain(reason.trim());
    expect(res.errors?.[0]?.message).not.toMatch(/\d/);
    expect(s.count('identity_reads')).toBe(0);
    // A failed read is recorded as failed, never as a read.
    expect(trail()).toEqual([
      {
        user_id: investigator.userId,
        action: 'READ',
        type_name: 'Query',
        record_ids: JSON.stringify([id]),
        fields: '["policeTipReporter"]',
        outcome: 'BAD_USER_INPUT',
      },
    ]);
  });

  it('accepts a real reason and keeps it in a chain the database protects', async () => {
    expect((await reporter(id, REASON)).data).toEqual({ policeTipReporter: { fullName: 'Lò Văn Tố' } });
    expect((await reporter(id, `${REASON} (lần hai)`)).data).toEqual({ policeTipReporter: { fullName: 'Lò Văn Tố' } });
    expect(verifyChainedTable(s.sqlite, IDENTITY_READS_CHAIN)).toEqual({ ok: true, entries: 2, firstBroken: null, reason: null });
    expect(() => s.sqlite.exec("UPDATE identity_reads SET reason = 'x'")).toThrow('append-only');
    expect(() => s.sqlite.exec('DELETE FROM identity_reads')).toThrow('append-only');
    expect(trail()).toEqual([
      { user_id: investigator.userId, action: 'READ', type_name: 'Query', record_ids: JSON.stringify([id]), fields: '["policeTipReporter"]', outcome: 'OK' },
      { user_id: investigator.userId, action: 'READ', type_name: 'ReporterIdentity', record_ids: JSON.stringify([id]), fields: '["fullName"]', outcome: 'OK' },
      { user_id: investigator.userId, action: 'READ', type_name: 'Query', record_ids: JSON.stringify([id]), fields: '["policeTipReporter"]', outcome: 'OK' },
      { user_id: investigator.userId, action: 'READ', type_name: 'ReporterIdentity', record_ids: JSON.stringify([id]), fields: '["fullName"]', outcome: 'OK' },
    ]);
  });

  it('records a read of a tip that does not exist as failed', async () => {
    await reporter('tip:police:nope', REASON);
    expect(trail()).toEqual([
      {
        user_id: investigator.userId,
        action: 'READ',
        type_name: 'Query',
        record_ids: '["tip:police:nope"]',
        fields: '["policeTipReporter"]',
        outcome: 'NOT_FOUND',
      },
    ]);
    expect(verifyTrail(s.sqlite)).toMatchObject({ ok: true });
  });
});

describe('refusals that answer null', () => {
  it('records a lookup by id outside the caller’s scope as a refusal, with the id', async () => {
    const other = staff('police', 'commune:03646@2025');
    expect(await s.run(other, `{ policeCrimeTip(id: "${id}") { id } }`)).toEqual({ data: { policeCrimeTip: null } });
    expect(trail()).toEqual([
      {
        user_id: other.userId,
        action: 'DENY',
        type_name: 'Query',
        record_ids: JSON.stringify([id]),
        fields: '["policeCrimeTip"]',
        outcome: 'NOT_FOUND_OR_FORBIDDEN',
      },
    ]);
  });

  it('records an entity reference the caller’s scope does not reach as a refusal (through _entities)', async () => {
    const women = staff('women', BINH_THUAN);
    const q = `{ _entities(representations: [{ __typename: "CrimeTip", id: "${id}" }]) { ... on CrimeTip { id } } }`;
    expect((await s.run(women, q)).data).toEqual({ _entities: [null] });
    expect(trail()).toEqual([
      {
        user_id: women.userId,
        action: 'DENY',
        type_name: 'CrimeTip',
        record_ids: JSON.stringify([id]),
        fields: '["__resolveReference"]',
        outcome: expect.any(String),
      },
    ]);
  });
});
