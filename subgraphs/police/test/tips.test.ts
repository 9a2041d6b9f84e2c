/**
 * Crime reports and tips: legal deadlines, a protected reporter, the handover from other
 * organizations, validation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFingerprint, writeStamp } from '@antt/subgraph-kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { BINH_THUAN, CHIENG_LE, PROVINCE, TO_HIEU, dashboard, leadership, openTestSubgraph, staff, user, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';
import { forwardDueAt, initialDecisionDue, isOverdue, latestExtension } from '../src/legal/deadlines.js';
import { countsOverdue, overdueCount, undecidedTips } from '../src/resolvers/tip-disclosure.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const commune = staff('police', BINH_THUAN);
const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);
const policeLeader = user('police', PROVINCE, ['LEADER']);
const women = staff('women', BINH_THUAN);

const RECORD = /* GraphQL */ `
  mutation ($input: RecordCrimeTipInput!) {
    recordCrimeTip(input: $input) {
      id
      status
      reporterIdentified
      forwardDueAt
      decisionDueOn
      overdue
      history {
        status
      }
    }
  }
`;
const HANDOVER = /* GraphQL */ `
  mutation ($input: HandOverCrimeTipInput!) {
    handOverCrimeTip(input: $input) {
      receiptId
      status
    }
  }
`;
const tip = {
  channel: 'IN_PERSON',
  receivedAt: '2026-03-02T02:00:00.000Z',
  unitId: BINH_THUAN,
  summary: 'Nghi mua bán trái phép chất ma túy tại bản',
  category: 'DRUGS',
  reporter: { fullName: 'Lò Văn Tố', phone: '0912345678' },
  confidentialityRequested: true,
};

describe('legal deadlines of a tip', () => {
  it('forwards within 24 hours, 48 in a remote commune', () => {
    expect(forwardDueAt('2026-03-02T02:00:00.000Z', false)).toBe('2026-03-03T02:00:00.000Z');
    expect(forwardDueAt('2026-03-02T02:00:00.000Z', true)).toBe('2026-03-04T02:00:00.000Z');
  });

  it('decides within 20 days of receipt, counted on Vietnam’s calendar', () => {
    expect(initialDecisionDue('2026-03-02T02:00:00.000Z')).toBe('2026-03-22');
    // 20:00 UTC on 1 March is already 2 March in Vietnam.
    expect(initialDecisionDue('2026-03-01T20:00:00.000Z')).toBe('2026-03-22');
  });

  it('extends to at most 2 months from receipt, then once more by at most 2 months, then no more', () => {
    expect(latestExtension('2026-03-02T02:00:00.000Z', '2026-03-22', 0)).toBe('2026-05-02');
    expect(latestExtension('2026-03-02T02:00:00.000Z', '2026-05-02', 1)).toBe('2026-07-02');
    expect(latestExtension('2026-03-02T02:00:00.000Z', '2026-07-02', 2)).toBeNull();
  });

  it('is overdue when a step is late and not done', () => {
    const base = { receivedAt: '2026-03-02T02:00:00.000Z', remoteArea: false, forwardedAt: null, decisionDueOn: '2026-03-22', decidedOn: null };
    expect(isOverdue(base, new Date('2026-03-02T20:00:00Z'))).toBe(false);
    expect(isOverdue(base, new Date('2026-03-03T03:00:00Z'))).toBe(true);
    expect(isOverdue({ ...base, remoteArea: true }, new Date('2026-03-03T03:00:00Z'))).toBe(false);
    const forwarded = { ...base, forwardedAt: '2026-03-02T10:00:00.000Z' };
    expect(isOverdue(forwarded, new Date('2026-03-22T10:00:00Z'))).toBe(false);
    expect(isOverdue(forwarded, new Date('2026-03-23T10:00:00Z'))).toBe(true);
    expect(isOverdue({ ...forwarded, decidedOn: '2026-03-20' }, new Date('2026-04-23T10:00:00Z'))).toBe(false);
  });
});

describe("the overdue count in the crime tips' disclosure fingerprint", () => {
  // Undecided tips around each boundary: forwarding due (24 h, 48 h remote), forwarded, decision's last day
  // in Vietnam (midnight UTC+7), extended, and a decision day the clock's arithmetic cannot read (asked the long way).
  const row = (receivedAt: string, remoteArea: number, forwardedAt: string | null, decisionDueOn: string) => ({
    receivedAt,
    remoteArea,
    forwardedAt,
    decisionDueOn,
    decidedOn: null,
  });
  const rows = [
    row('2026-03-02T02:00:00.000Z', 0, null, '2026-03-22'),
    row('2026-03-02T02:00:00.000Z', 1, null, '2026-03-22'),
    row('2026-03-01T20:00:00.000Z', 0, '2026-03-02T01:00:00.000Z', '2026-03-22'),
    row('2026-03-02T02:00:00.000Z', 0, '2026-03-02T09:00:00.000Z', '2026-05-02'),
    row('2026-03-21T16:59:59.999Z', 1, null, '2026-03-22'),
    row('2026-03-02T02:00:00.000Z', 0, '2026-03-02T09:00:00.000Z', 'not a date'),
  ];
  const instants = [
    '2026-03-02T00:00:00.000Z',
    '2026-03-03T02:00:00.000Z',
    '2026-03-03T02:00:00.001Z',
    '2026-03-04T02:00:00.000Z',
    '2026-03-04T02:00:00.001Z',
    '2026-03-22T16:59:59.999Z',
    '2026-03-22T17:00:00.000Z',
    '2026-03-23T16:59:59.999Z',
    '2026-03-23T17:00:00.000Z',
    '2026-05-02T16:59:59.999Z',
    '2026-05-02T17:00:00.000Z',
  ];

  it("counts at every instant exactly the tips the law's clock says are overdue, the unreadable one included", () => {
    const tips = undecidedTips(rows);
    // Every readable tip is counted by its instant; the unreadable decision day is asked the long way.
    expect(tips.irregular).toHaveLength(1);
    const counts = instants.map((at) => overdueCount(tips, new Date(at)));
    expect(counts).toEqual(instants.map((at) => rows.filter((r) => countsOverdue(r, new Date(at))).length));
    expect(counts).toEqual([0, 0, 1, 1, 2, 2, 4, 4, 4, 4, 5]);
  });

  it("reads the table again after a write on the connection, a rewrite in place, or another connection's commit", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-tips-'));
    const file = join(dir, 'police.db');
    const s = await openTestSubgraph(subgraph, { file });
    const other = await openTestSubgraph(subgraph, { file });
    try {
      const fingerprint = () => tableFingerprint(s.sqlite, 'crime_tips');
      const empty = fingerprint();
      expect(fingerprint()).toBe(empty);
      expect((await s.run(commune, RECORD, { input: tip })).errors).toBeUndefined();
      const one = fingerprint();
      expect(one).not.toBe(empty);
      // A write to another table on the connection reads the table again, and finds it unchanged.
      s.sqlite.exec(`CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)`);
      expect(fingerprint()).toBe(one);
      expect((await other.run(commune, RECORD, { input: { ...tip, summary: 'Tin báo thứ hai' } })).errors).toBeUndefined();
      const two = fingerprint();
      expect(two).not.toBe(one);
      s.sqlite.exec(`UPDATE crime_tips SET superseded_at = '2026-03-05T00:00:00.000Z' WHERE id = 1`);
      expect(fingerprint()).not.toBe(two);
    } finally {
      s.sqlite.close();
      other.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('crime tips on the police subgraph', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  async function recorded(): Promise<string> {
    const res = await s.run(commune, RECORD, { input: tip });
    expect(res.errors).toBeUndefined();
    return (res.data as Data).recordCrimeTip.id;
  }

  it('records a tip with its deadlines and history, and seals the reporter in the database', async () => {
    const res = await s.run(commune, RECORD, { input: tip });
    expect(res.data).toEqual({
      recordCrimeTip: {
        id: expect.stringMatching(/^tip:police:/),
        status: 'RECEIVED',
        reporterIdentified: true,
        forwardDueAt: '2026-03-03T02:00:00.000Z',
        decisionDueOn: '2026-03-22',
        overdue: true,
        history: [{ status: 'RECEIVED' }],
      },
    });
    const raw = JSON.stringify(s.sqlite.prepare('SELECT * FROM crime_tips').all());
    expect(raw).not.toContain('Lò Văn Tố');
    expect(raw).not.toContain('0912345678');
    expect(raw).toContain('"reporter_sealed":"v1.test.');
  });

  it('has no field that carries the reporter’s identity on a tip', async () => {
    const fields = ((await s.run(commune, '{ __type(name: "CrimeTip") { fields { name } } }')).data as Data).__type.fields.map((f: Data) => f.name);
    expect(fields).not.toEqual(expect.arrayContaining(['reporter']));
    expect(fields.filter((f: string) => /name|phone|address|idNumber/i.test(f))).toEqual([]);
  });

  it('shows the identity to an investigator who gives a reason, and records the read', async () => {
    const id = await recorded();
    const res = await s.run(investigator, `{ policeTipReporter(tipId: "${id}", reason: "Xác minh nguồn tin theo kế hoạch 12") { fullName phone address } }`);
    expect(res).toEqual({ data: { policeTipReporter: { fullName: 'Lò Văn Tố', phone: '0912345678', address: null } } });
    const reads = s.sqlite.prepare('SELECT record_kind, record_id, user_id, reason FROM identity_reads').all();
    expect(reads).toEqual([{ record_kind: 'CRIME_TIP', record_id: id, user_id: investigator.userId, reason: 'Xác minh nguồn tin theo kế hoạch 12' }]);
    const noReason = await s.run(investigator, `{ policeTipReporter(tipId: "${id}", reason: "  ") { fullName } }`);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('keeps what it computed across reads that only add audit entries, and counts a tip recorded after them', async () => {
    await recorded();
    const counts = `{ unit(id: "${PROVINCE}") { police { tipCounts(periodId: "2026-Q1") { status count } } } }`;
    const entries = s.count('audit_log');
    const stamp = writeStamp(s.sqlite);
    const fingerprint = tableFingerprint(s.sqlite, 'crime_tips');
    // Provincial leadership reads the figures as they are, and the read is audited: an entry is written.
    expect(await s.run(leadership(), counts)).toEqual({ data: { unit: { police: { tipCounts: [{ status: 'RECEIVED', count: 1 }] } } } });
    expect(await s.run(leadership(), counts)).toEqual({ data: { unit: { police: { tipCounts: [{ status: 'RECEIVED', count: 1 }] } } } });
    expect(s.count('audit_log')).toBeGreaterThan(entries);
    // Those entries are not records: what was computed from the records is still good (issue 17).
    expect(writeStamp(s.sqlite)).toBe(stamp);
    expect(tableFingerprint(s.sqlite, 'crime_tips')).toBe(fingerprint);
    // A tip recorded after them is a change, and it is counted.
    await recorded();
    expect(writeStamp(s.sqlite)).not.toBe(stamp);
    expect(tableFingerprint(s.sqlite, 'crime_tips')).not.toBe(fingerprint);
    expect(await s.run(leadership(), counts)).toEqual({ data: { unit: { police: { tipCounts: [{ status: 'RECEIVED', count: 2 }] } } } });
  });

  it('hides the identity from commune police, police leaders and provincial leadership, recording nothing', async () => {
    const id = await recorded();
    for (const who of [commune, policeLeader, leadership(), women]) {
      // Refused like a record that does not exist: null, with nothing about the reporter.
      const res = await s.run(who, `{ policeTipReporter(tipId: "${id}", reason: "xem") { fullName } }`);
      expect(res).toEqual({ data: { policeTipReporter: null } });
    }
    expect(s.count('identity_reads')).toBe(0);
  });

  it('gives provincial leadership and dashboards counts only, police staff the tip without its reporter', async () => {
    const id = await recorded();
    expect((await s.run(leadership(), '{ policeCrimeTips { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await s.run(leadership(), `{ policeCrimeTip(id: "${id}") { id } }`)).toEqual({ data: { policeCrimeTip: null } });
    // One tip is a small count: hidden from a dashboard, shown to the police and to provincial
    // leadership (who read figures as they are, the read audited).
    const counts = `{ unit(id: "${PROVINCE}") { police { tipCounts(periodId: "2026-Q1") { category status count } } } }`;
    expect(await s.run(dashboard(), counts)).toEqual({ data: { unit: { police: { tipCounts: [{ category: 'DRUGS', status: 'RECEIVED', count: null }] } } } });
    expect(await s.run(leadership(), counts)).toEqual({ data: { unit: { police: { tipCounts: [{ category: 'DRUGS', status: 'RECEIVED', count: 1 }] } } } });
    expect(await s.run(policeLeader, counts)).toEqual({ data: { unit: { police: { tipCounts: [{ category: 'DRUGS', status: 'RECEIVED', count: 1 }] } } } });
    expect(await s.run(commune, `{ policeCrimeTip(id: "${id}") { id summary confidentialityRequested } }`)).toEqual({
      data: { policeCrimeTip: { id, summary: tip.summary, confidentialityRequested: true } },
    });
    expect(await s.run(staff('police', TO_HIEU), `{ policeCrimeTip(id: "${id}") { id } }`)).toEqual({ data: { policeCrimeTip: null } });
  });

  it('takes a women’s union handover: a receipt back, the status later, never the content', async () => {
    const res = await s.run(women, HANDOVER, {
      input: {
        receivedAt: '2026-03-05T03:00:00.000Z',
        unitId: BINH_THUAN,
        summary: 'Hội viên phản ánh nghi có người dụ dỗ lao động sang biên giới',
        category: 'HUMAN_TRAFFICKING',
        reporter: { fullName: 'Quàng Thị Hoa' },
      },
    });
    const receipt = (res.data as Data).handOverCrimeTip;
    expect(receipt).toEqual({ receiptId: expect.stringMatching(/^BN-[\w-]{12}$/), status: 'RECEIVED' });
    expect(await s.run(women, `{ policeTipHandover(receiptId: "${receipt.receiptId}") { status } }`)).toEqual({
      data: { policeTipHandover: { status: 'RECEIVED' } },
    });
    expect(await s.run(staff('farmers', BINH_THUAN), `{ policeTipHandover(receiptId: "${receipt.receiptId}") { status } }`)).toEqual({
      data: { policeTipHandover: null },
    });
    const id = ((await s.run(commune, '{ policeCrimeTips { id } }')).data as Data).policeCrimeTips[0].id;
    expect(await s.run(women, `{ policeCrimeTip(id: "${id}") { summary } }`)).toEqual({ data: { policeCrimeTip: null } });
    expect((await s.run(women, '{ policeCrimeTips { summary } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The police see it as handed over by the women's union, the reporter sealed.
    const seen = (await s.run(commune, `{ policeCrimeTip(id: "${id}") { channel handedOverBy { id } reporterIdentified } }`)).data as Data;
    expect(seen.policeCrimeTip).toEqual({ channel: 'FORWARDED_BY_ORGANIZATION', handedOverBy: { id: 'women' }, reporterIdentified: true });
    const police = await s.run(commune, HANDOVER, { input: { receivedAt: '2026-03-05T03:00:00.000Z', unitId: BINH_THUAN, summary: 'x' } });
    expect(police.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('moves a tip through forwarding, extensions, decision and notice, and lists overdue ones for police leaders', async () => {
    const id = await recorded();
    expect(((await s.run(policeLeader, '{ policeOverdueTips { id } }')).data as Data).policeOverdueTips).toEqual([{ id }]);
    expect((await s.run(commune, '{ policeOverdueTips { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await s.run(commune, `mutation { forwardCrimeTip(id: "${id}", to: "Cơ quan CSĐT Công an tỉnh", at: "2026-03-02T09:00:00.000Z") { status } }`);
    const tooLong = await s.run(commune, `mutation { extendTipDeadline(id: "${id}", until: "2026-06-01", reason: "Vụ việc phức tạp") { decisionDueOn } }`);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ field: 'until', reason: 'EXTENSION_TOO_LONG' });
    expect(
      (await s.run(commune, `mutation { extendTipDeadline(id: "${id}", until: "2026-05-02", reason: "Vụ việc phức tạp") { decisionDueOn extensions } }`)).data,
    ).toEqual({ extendTipDeadline: { decisionDueOn: '2026-05-02', extensions: 1 } });
    expect(
      (await s.run(commune, `mutation { extendTipDeadline(id: "${id}", until: "2026-07-02", reason: "Viện kiểm sát gia hạn") { extensions } }`)).data,
    ).toEqual({ extendTipDeadline: { extensions: 2 } });
    const third = await s.run(commune, `mutation { extendTipDeadline(id: "${id}", until: "2026-08-01", reason: "Thêm lần nữa") { extensions } }`);
    expect(third.errors?.[0]?.extensions).toMatchObject({ reason: 'NO_MORE_EXTENSIONS' });
    const early = await s.run(commune, `mutation { notifyTipReporter(id: "${id}", on: "2026-06-01") { status } }`);
    expect(early.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_DECIDED' });
    await s.run(commune, `mutation { decideCrimeTip(id: "${id}", decision: PROSECUTE, on: "2026-06-01") { status } }`);
    const done = await s.run(commune, `mutation { notifyTipReporter(id: "${id}", on: "2026-06-05") { status overdue history { status } } }`);
    expect(done.data).toEqual({
      notifyTipReporter: {
        status: 'REPORTER_NOTIFIED',
        overdue: false,
        history: ['RECEIVED', 'FORWARDED', 'FORWARDED', 'FORWARDED', 'DECIDED', 'REPORTER_NOTIFIED'].map((status) => ({ status })),
      },
    });
    expect(((await s.run(policeLeader, '{ policeOverdueTips { id } }')).data as Data).policeOverdueTips).toEqual([]);
  });

  it('counts the overdue tips of a period for leadership, hidden from a dashboard when small, until they are decided', async () => {
    const id = await recorded();
    const overdue = (period: string) => `{ unit(id: "${PROVINCE}") { police { overdueTips(periodId: "${period}") } } }`;
    const count = async (who: Parameters<TestSubgraph['run']>[0], period = '2026-Q1') => {
      const res = await s.run(who, overdue(period));
      expect(res.errors).toBeUndefined();
      return (res.data as Data).unit.police.overdueTips;
    };
    // Received on 2 March 2026, neither forwarded nor decided: late on both deadlines today.
    expect(await count(leadership())).toBe(1);
    expect(await count(policeLeader)).toBe(1);
    expect(await count(dashboard())).toBeNull();
    expect(await count(leadership(), '2026-Q2')).toBe(0);
    await s.run(commune, `mutation { forwardCrimeTip(id: "${id}", to: "Cơ quan CSĐT Công an tỉnh", at: "2026-03-02T09:00:00.000Z") { status } }`);
    // Forwarded in time, the decision still late.
    expect(await count(leadership())).toBe(1);
    await s.run(commune, `mutation { decideCrimeTip(id: "${id}", decision: PROSECUTE, on: "2026-03-20") { status } }`);
    expect(await count(leadership())).toBe(0);
  });

  it.each([
    ['a time in the future', { receivedAt: '2999-01-01T00:00:00.000Z' }, 'input.receivedAt', 'DATE_IN_FUTURE'],
    ['a commune that did not exist then', { unitId: CHIENG_LE }, 'input.unitId', 'UNIT_NOT_VALID_ON_DATE'],
    ['an empty summary', { summary: ' ' }, 'input.summary', 'REQUIRED'],
    ['an overlong reporter name', { reporter: { fullName: 'Tên rất dài '.repeat(40) } }, 'input.reporter.fullName', 'TOO_LONG'],
  ])('refuses %s, naming the field, never echoing the identity, and writes nothing', async (_w, change, field, reason) => {
    const res = await s.run(commune, RECORD, { input: { ...tip, ...change } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(JSON.stringify(res.errors)).not.toContain('Tên rất dài');
    expect(s.count('crime_tips')).toBe(0);
  });
});
