/**
 * The women's union's own records. Above all: a victim's identity is visible only to the union's own
 * staff of that jurisdiction; leadership, dashboards, other organizations and other communes get counts
 * or nothing, through root fields and _entities alike.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PHA_AREA, describeCasework } from '@antt/casework/testing';
import { ok, refused } from '@antt/testing';
import { addDays, todayInVietnam, unitId } from '@antt/reference';
import { principalOf } from '@antt/auth';
import {
  BINH_THUAN,
  CHIENG_LE,
  CHIENG_PHA,
  PROVINCE,
  THUAN_CHAU,
  TO_HIEU,
  dashboard,
  leadership,
  openTestSubgraph,
  staff,
  type TestSubgraph,
} from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const me = staff('women', BINH_THUAN);
const VICTIM_NAME = 'Quàng Thị Bí Mật';
const RECORD = /* GraphQL */ `
  mutation ($input: RecordWomenProtectionCaseInput!) {
    recordWomenProtectionCase(input: $input) {
      id
      kind
      victimIsChild
      support
      unit {
        id
      }
      victimFullName
      victimYearOfBirth
      victimContact
    }
  }
`;
const CASE = /* GraphQL */ `
  query ($id: ID!) {
    womenProtectionCase(id: $id) {
      id
      kind
      victimFullName
    }
  }
`;
const ENTITY = /* GraphQL */ `
  query ($id: ID!) {
    _entities(representations: [{ __typename: "WomenProtectionCase", id: $id }]) {
      ... on WomenProtectionCase {
        id
        victimFullName
      }
    }
  }
`;
const COUNTS = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      women {
        protection(periodId: $period) {
          count
          children
          referredToPolice
          closed
          byKind {
            kind
            count
          }
        }
      }
    }
  }
`;
/** The victims' names stored, in every version of every case. */
const victimNames = (s: TestSubgraph) => s.sqlite.prepare('SELECT victim_full_name FROM women_protection_cases').pluck().all();
const violence = {
  openedOn: '2021-05-04',
  unitId: PHA_AREA,
  kind: 'DOMESTIC_VIOLENCE',
  victimIsChild: false,
  victimFullName: VICTIM_NAME,
  victimYearOfBirth: 1990,
  victimContact: '0912345678',
  support: ['COUNSELLING', 'SAFE_SHELTER'],
};

describe('protection of women and children', () => {
  let s: TestSubgraph;
  let id: string;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
    id = ok<{ id: string }>(await s.run(me, RECORD, { input: violence }), 'recordWomenProtectionCase').id;
  });

  it('counts a case for a district only on the days the district existed, as the framework’s counts do', async () => {
    for (const openedOn of ['2025-01-20', '2025-08-01'])
      ok(await s.run(me, RECORD, { input: { ...violence, openedOn, victimFullName: 'Lò Thị Mẫu' } }), 'recordWomenProtectionCase');
    const province = staff('women', PROVINCE);
    const count = async (unit: string, period: string) => s.run(province, COUNTS, { unit, period });
    // Huyện Thuận Châu ceased on 31/01/2025: of 2025 it answers for January, where the area's case of 20/01 is.
    expect(ok<{ women: { protection: { count: number } } }>(await count(THUAN_CHAU, '2025'), 'unit').women.protection.count).toBe(1);
    expect(ok<{ women: { protection: { count: number } } }>(await count(BINH_THUAN, '2025'), 'unit').women.protection.count).toBe(2);
    expect(refused(await count(THUAN_CHAU, '2025-Q3')).extensions).toMatchObject({ field: 'periodId', reason: 'UNIT_CEASED_BEFORE_PERIOD' });
  });

  it('records a case and its victim for the union’s commune staff, who see the victim', async () => {
    expect(ok(await s.run(me, CASE, { id }), 'womenProtectionCase')).toEqual({ id, kind: 'DOMESTIC_VIOLENCE', victimFullName: VICTIM_NAME });
    expect(ok(await s.run(staff('women', PROVINCE), ENTITY, { id }), '_entities')).toEqual([{ id, victimFullName: VICTIM_NAME }]);
    // The victim is kept in the case's own row: one record, both or neither.
    expect(victimNames(s)).toEqual([VICTIM_NAME]);
  });

  it('shows the union’s own staff the small count that others see hidden', async () => {
    const own = ok(await s.run(me, COUNTS, { unit: BINH_THUAN, period: '2021' }), 'unit') as { women: { protection: { count: number } } };
    expect(own.women.protection.count).toBe(1);
  });

  it('gives leadership and dashboards counts only: the case and its victim are neither listed nor resolved for them', async () => {
    for (const who of [leadership(), dashboard()]) {
      // One case is a small count: hidden (null) from a dashboard; provincial leadership reads figures
      // as they are (the read audited); zeros stay.
      const small = principalOf(who).isProvincialLeadership ? 1 : null;
      expect(ok(await s.run(who, COUNTS, { unit: BINH_THUAN, period: '2021' }), 'unit')).toEqual({
        women: {
          protection: {
            count: small,
            children: 0,
            referredToPolice: 0,
            closed: 0,
            byKind: [
              { kind: 'DOMESTIC_VIOLENCE', count: small },
              { kind: 'SEXUAL_ABUSE', count: 0 },
              { kind: 'CHILD_ABUSE', count: 0 },
              { kind: 'TRAFFICKING', count: 0 },
              { kind: 'OTHER_GENDER_VIOLENCE', count: 0 },
            ],
          },
        },
      });
      const list = refused(await s.run(who, '{ womenProtectionCases { totalCount nodes { victimFullName } } }'));
      expect(list.extensions?.code).toBe('FORBIDDEN');
      // Leadership is told by the union's own rule; a dashboard is stopped earlier, by the data-class check.
      expect(list.message).toContain(principalOf(who).isProvincialLeadership ? 'lãnh đạo xem số liệu tổng hợp' : 'Bạn không có quyền');
      expect(await s.run(who, CASE, { id })).toEqual({ data: { womenProtectionCase: null } });
      expect(await s.run(who, ENTITY, { id })).toEqual({ data: { _entities: [null] } });
    }
  });

  it('hides the case from the union’s staff of another commune and from other organizations, who cannot tell it exists', async () => {
    for (const who of [staff('women', TO_HIEU), staff('police'), staff('veterans', BINH_THUAN)]) {
      expect(await s.run(who, CASE, { id })).toEqual({ data: { womenProtectionCase: null } });
      expect(await s.run(who, ENTITY, { id })).toEqual({ data: { _entities: [null] } });
      expect(JSON.stringify(await s.run(who, `{ womenProtectionCases(unitId: "${BINH_THUAN}") { totalCount } }`))).not.toContain(VICTIM_NAME);
    }
    expect(refused(await s.run(staff('women', TO_HIEU), `{ womenProtectionCases(unitId: "${BINH_THUAN}") { totalCount } }`)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(ok<{ totalCount: number }>(await s.run(staff('women', TO_HIEU), '{ womenProtectionCases { totalCount } }'), 'womenProtectionCases').totalCount).toBe(
      0,
    );
    expect(
      refused(
        await s.run(
          staff('women', TO_HIEU),
          'mutation ($id: ID!) { updateWomenProtectionCase(id: $id, input: { closedOn: "2021-06-01" }, reason: "Kết thúc hỗ trợ") { id } }',
          { id },
        ),
      ).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('never repeats the victim’s name in an error', async () => {
    for (const change of [{ unitId: CHIENG_LE }, { openedOn: '2999-01-01' }, { victimYearOfBirth: 2019 }, { tipReceiptId: VICTIM_NAME }]) {
      const res = await s.run(me, RECORD, { input: { ...violence, ...change } });
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res)).not.toContain('Bí Mật');
    }
    expect(s.count('women_protection_cases')).toBe(1);
  });

  it.each([
    ['child abuse of someone who is not a child', { kind: 'CHILD_ABUSE' }, 'input.victimIsChild', 'INCONSISTENT'],
    ['a child born 40 years before', { victimIsChild: true }, 'input.victimIsChild', 'INCONSISTENT'],
    ['a victim without a name', { victimFullName: '' }, 'input.victimFullName', 'REQUIRED'],
    ['a year of birth after the case', { victimFullName: 'X', victimYearOfBirth: 2030 }, 'input.victimYearOfBirth', 'TOO_LARGE'],
    ['a commune that had been merged', { unitId: CHIENG_PHA, openedOn: '2025-08-01' }, 'input.unitId', 'UNIT_NOT_VALID_ON_DATE'],
  ])('refuses a case with %s, naming the field, and writes neither case nor victim', async (_what, change, field, reason) => {
    expect(refused(await s.run(me, RECORD, { input: { ...violence, ...change } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('women_protection_cases')).toBe(1);
    expect(victimNames(s)).toEqual([VICTIM_NAME]);
  });

  it('records the police receipt and the end of support, and counts them', async () => {
    const recordedAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const upd =
      'mutation ($id: ID!, $input: UpdateWomenProtectionCaseInput!) { updateWomenProtectionCase(id: $id, input: $input, reason: "Cập nhật theo sổ theo dõi vụ việc") { id version support tipReceiptId closedOn } }';
    expect(ok(await s.run(me, upd, { id, input: { tipReceiptId: 'BN-2021-000777', support: ['LEGAL_AID'] } }), 'updateWomenProtectionCase')).toEqual({
      id,
      version: 2,
      support: ['LEGAL_AID'],
      tipReceiptId: 'BN-2021-000777',
      closedOn: null,
    });
    ok(await s.run(me, upd, { id, input: { closedOn: '2021-08-01' } }), 'updateWomenProtectionCase');
    expect(refused(await s.run(me, upd, { id, input: { closedOn: '2021-09-01' } })).extensions).toMatchObject({
      field: 'input.closedOn',
      reason: 'ALREADY_CLOSED',
    });
    const counts = ok<{ women: { protection: Record<string, number> } }>(await s.run(me, COUNTS, { unit: BINH_THUAN, period: '2021' }), 'unit');
    expect(counts.women.protection).toMatchObject({ count: 1, referredToPolice: 1, closed: 1 });
    // As the graph held it before the updates: neither handed over nor closed.
    const then =
      'query ($unit: ID!, $at: DateTime!) { unit(id: $unit) { women { protection(periodId: "2021", asRecordedAt: $at) { count referredToPolice closed } } } }';
    expect(ok(await s.run(me, then, { unit: BINH_THUAN, at: recordedAt }), 'unit')).toEqual({
      women: { protection: { count: 1, referredToPolice: 0, closed: 0 } },
    });
  });

  it('corrects a wrong end of support with a reason, keeping the day first recorded in the history', async () => {
    const upd = 'mutation ($id: ID!) { updateWomenProtectionCase(id: $id, input: { closedOn: "2021-08-01" }, reason: "Kết thúc hỗ trợ") { id } }';
    ok(await s.run(me, upd, { id }), 'updateWomenProtectionCase');
    const fix =
      'mutation ($id: ID!, $reason: String!) { correctWomenProtectionCase(id: $id, changes: { closedOn: "2021-07-15" }, reason: $reason) { version closedOn history { version closedOn reason } } }';
    expect(refused(await s.run(me, fix, { id, reason: 'x' })).extensions).toMatchObject({ reason: 'REASON_TOO_SHORT' });
    expect(ok(await s.run(me, fix, { id, reason: 'Ghi nhầm ngày kết thúc' }), 'correctWomenProtectionCase')).toEqual({
      version: 3,
      closedOn: '2021-07-15',
      history: [
        { version: 1, closedOn: null, reason: null },
        { version: 2, closedOn: '2021-08-01', reason: 'Kết thúc hỗ trợ' },
        { version: 3, closedOn: '2021-07-15', reason: 'Ghi nhầm ngày kết thúc' },
      ],
    });
    expect(
      refused(
        await s.run(
          me,
          'mutation ($id: ID!) { correctWomenProtectionCase(id: $id, changes: { closedOn: "2021-05-01" }, reason: "Ghi nhầm ngày kết thúc") { id } }',
          { id },
        ),
      ).extensions,
    ).toMatchObject({ field: 'changes.closedOn', reason: 'DATE_BEFORE_START' });
  });

  it('erases the victim’s name in every version for the union’s own staff of the jurisdiction only, counts unchanged', async () => {
    ok(
      await s.run(
        me,
        'mutation ($id: ID!) { updateWomenProtectionCase(id: $id, input: { support: [LEGAL_AID] }, reason: "Bổ sung trợ giúp pháp lý") { id } }',
        { id },
      ),
      'updateWomenProtectionCase',
    );
    const erase =
      'mutation ($id: ID!) { eraseWomenProtectionCasePersonalData(id: $id, field: victimFullName, legalBasis: "Yêu cầu của chủ thể dữ liệu, Luật 91/2025/QH15") { id erasedFields victimFullName victimYearOfBirth } }';
    for (const who of [staff('women', TO_HIEU), staff('police'), leadership()])
      expect(refused(await s.run(who, erase, { id })).extensions?.code).toBe('NOT_FOUND');
    expect(victimNames(s)).toEqual([VICTIM_NAME, VICTIM_NAME]);
    expect(ok(await s.run(me, erase, { id }), 'eraseWomenProtectionCasePersonalData')).toEqual({
      id,
      erasedFields: ['victimFullName'],
      victimFullName: null,
      victimYearOfBirth: 1990,
    });
    expect(victimNames(s)).toEqual([null, null]);
    const own = ok(await s.run(me, COUNTS, { unit: BINH_THUAN, period: '2021' }), 'unit') as { women: { protection: { count: number } } };
    expect(own.women.protection.count).toBe(1);
  });
});

describe('the 2017-2027 project and the Chiềng Sơn model', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('records actions of the project on social issues and counts them by issue', async () => {
    const rec = 'mutation ($input: RecordWomenSocialIssueActionInput!) { recordWomenSocialIssueAction(input: $input) { id issue form participants } }';
    ok(
      await s.run(me, rec, { input: { date: '2021-09-09', unitId: CHIENG_PHA, issue: 'CHILD_MARRIAGE', form: 'COMMUNICATION', participants: 80 } }),
      'recordWomenSocialIssueAction',
    );
    ok(
      await s.run(me, rec, { input: { date: '2021-09-19', unitId: PHA_AREA, issue: 'CHILD_MARRIAGE', form: 'CLUB', participants: 20 } }),
      'recordWomenSocialIssueAction',
    );
    const q =
      'query ($unit: ID!) { unit(id: $unit) { women { socialIssues(periodId: "2021-Q3") { count participants byIssue { issue count participants } } } } }';
    const sum = ok<{ women: { socialIssues: { count: number; participants: number; byIssue: unknown[] } } }>(
      await s.run(leadership(), q, { unit: BINH_THUAN }),
      'unit',
    ).women.socialIssues;
    expect(sum).toMatchObject({ count: 2, participants: 100 });
    expect(sum.byIssue).toContainEqual({ issue: 'CHILD_MARRIAGE', count: 2, participants: 100 });
    expect(
      refused(await s.run(me, rec, { input: { date: '2021-09-09', unitId: CHIENG_PHA, issue: 'CHILD_MARRIAGE', form: 'CLUB', participants: -1 } })).extensions,
    ).toMatchObject({ field: 'input.participants', reason: 'NEGATIVE' });
  });

  it('links each replica of the Chiềng Sơn model to the original, refuses one in Chiềng Sơn itself, and counts the running ones', async () => {
    const rec =
      'mutation ($input: RecordWomenModelReplicaInput!) { recordWomenModelReplica(input: $input) { id name unit { id } original { id name unit { id name } } peopleSupported } }';
    const name = 'Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng (Xã Chiềng Pha)';
    const province = staff('women', PROVINCE);
    const r = ok<{ id: string }>(
      await s.run(province, rec, { input: { startedOn: '2021-07-01', unitId: CHIENG_PHA, name, peopleSupported: 6 } }),
      'recordWomenModelReplica',
    );
    expect(r).toMatchObject({
      name,
      unit: { id: CHIENG_PHA },
      original: { id: 'MODEL-CHIENG-SON-CAM-HOA', unit: { id: unitId.oldCommune('03985'), name: 'Xã Chiềng Sơn' } },
      peopleSupported: 6,
    });
    for (const commune of [unitId.oldCommune('03985'), unitId.newCommune('03985')]) {
      expect(
        refused(
          await s.run(province, rec, {
            input: { startedOn: commune.endsWith('2019') ? '2021-07-01' : '2025-08-01', unitId: commune, name: 'Nhân rộng mô hình', peopleSupported: 1 },
          }),
        ).extensions,
      ).toMatchObject({ field: 'input.unitId', reason: 'ORIGINAL_COMMUNE' });
    }
    ok(
      await s.run(province, rec, {
        input: { startedOn: '2022-02-01', unitId: CHIENG_LE, name: 'Cảm hóa giáo dục người lầm lỗi (Phường Chiềng Lề)', peopleSupported: 4 },
      }),
      'recordWomenModelReplica',
    );
    const stop =
      'mutation ($id: ID!, $on: Date!) { discontinueWomenModelReplica(id: $id, on: $on, reason: "Người được giúp đỡ đã ổn định") { id discontinuedOn } }';
    ok(await s.run(province, stop, { id: r.id, on: '2022-06-30' }), 'discontinueWomenModelReplica');
    expect(refused(await s.run(province, stop, { id: r.id, on: '2022-07-30' })).extensions).toMatchObject({ reason: 'ALREADY_CLOSED' });
    const q = 'query ($period: ID!) { unit(id: "province:14") { women { modelReplicas(periodId: $period) { started active peopleSupported } } } }';
    expect(ok(await s.run(leadership(), q, { period: '2021' }), 'unit')).toEqual({ women: { modelReplicas: { started: 1, active: 1, peopleSupported: 6 } } });
    expect(ok(await s.run(leadership(), q, { period: '2022' }), 'unit')).toEqual({ women: { modelReplicas: { started: 1, active: 1, peopleSupported: 4 } } });
  });

  it('loads demo data of every kind from 2021 to today, with a replica in the model commune Chiềng Pha', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['women_protection_cases', 'women_social_issue_actions', 'women_model_replicas', 'reintegration_supports', 'at_risk_supports'])
      expect(demo.count(table), table).toBeGreaterThan(0);
    expect(
      demo.sqlite.prepare('SELECT count(*) FROM women_protection_cases WHERE victim_full_name IS NULL').pluck().get(),
      'every demo case has its (invented) victim',
    ).toBe(0);
    const q = `{ womenModelReplicas(unitId: "${CHIENG_PHA}") { totalCount } womenSocialIssueActions(first: 1) { nodes { date } } }`;
    const res = (await demo.run(staff('women'), q)).data as {
      womenModelReplicas: { totalCount: number };
      womenSocialIssueActions: { nodes: { date: string }[] };
    };
    expect(res.womenModelReplicas.totalCount).toBeGreaterThan(0);
    expect(res.womenSocialIssueActions.nodes[0]!.date >= addDays(todayInVietnam(), -60)).toBe(true);
  });
});

// The duties it shares with other organizations, as every organization that carries them out must behave.
describeCasework(subgraph, ['reintegration', 'atRiskSupport']);
