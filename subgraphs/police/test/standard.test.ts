/**
 * The standard "An toàn về ANTT" on the police subgraph alone: criteria versions, the yearly cycle,
 * the commune's computed criterion and its rounding, indicators on both maps.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { territory, unitId } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, THUAN_CHAU, dashboard, leadership, openTestSubgraph, staff, user, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';
import { recognisedNeeded } from '../src/legal/criteria.js';

const police = staff('police', PROVINCE);
const t = territory();

const RECORD = /* GraphQL */ `
  mutation ($input: RecordStandardAssessmentInput!) {
    recordStandardAssessment(input: $input) {
      id
      year
      result
      criteriaSet {
        id
      }
      criteria {
        criterion {
          code
          derived
        }
        met
        note
      }
      householdsRegisteredShare
    }
  }
`;
const RECOGNIZE = /* GraphQL */ `
  mutation ($id: ID!) {
    recognizeStandardAssessment(id: $id, decisionNumber: "12/QĐ-UBND", decidedOn: "2022-11-20", authority: "UBND xã") {
      id
      recognition {
        decisionNumber
      }
    }
  }
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;

async function assessArea(s: TestSubgraph, area: string, year: number, met = true, recognise = true): Promise<string> {
  const codes = year >= 2022 ? ['TT124-KDC-1', 'TT124-KDC-2', 'TT124-KDC-3', 'TT124-KDC-4', 'TT124-KDC-5'] : ['TT23-KDC-5'];
  const res = await s.run(police, RECORD, {
    input: {
      year,
      unitId: area,
      registeredOn: `${year}-02-01`,
      householdsTotal: 100,
      householdsRegistered: 100,
      selfAssessedOn: `${year}-10-01`,
      chairedBy: 'Trưởng bản',
      criteria: codes.map((code, i) => ({ code, met: met || i > 0 })),
    },
  });
  expect(res.errors).toBeUndefined();
  const id = (res.data as Data).recordStandardAssessment.id;
  if (recognise) expect((await s.run(police, RECOGNIZE.replace('2022-11-20', `${year}-11-20`), { id })).errors).toBeUndefined();
  return id;
}

describe('the standard "An toàn về ANTT"', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('applies Circular 23/2012 up to 2021 and Circular 124/2021 from 2022, one set per kind of unit', async () => {
    const q = `query ($y: Int!) { policeCriteriaSet(subjectKind: RESIDENTIAL_AREA, year: $y) { id legalBasis criteria { code textStatus } } commune: policeCriteriaSet(subjectKind: COMMUNE, year: $y) { id criteria { code derived } } }`;
    const y2021 = (await s.run(police, q, { y: 2021 })).data as Data;
    expect(y2021.policeCriteriaSet.id).toBe('TT23_2012:RESIDENTIAL_AREA');
    expect(y2021.commune.criteria.find((c: Data) => c.derived).code).toBe('TT23-XA-3');
    const y2022 = (await s.run(police, q, { y: 2022 })).data as Data;
    expect(y2022.policeCriteriaSet.id).toBe('TT124_2021:RESIDENTIAL_AREA');
    expect(y2022.policeCriteriaSet.criteria).toEqual([
      { code: 'TT124-KDC-1', textStatus: 'RETRIEVED' },
      { code: 'TT124-KDC-2', textStatus: 'RETRIEVED' },
      { code: 'TT124-KDC-3', textStatus: 'PARTIAL' },
      { code: 'TT124-KDC-4', textStatus: 'NOT_RETRIEVED' },
      { code: 'TT124-KDC-5', textStatus: 'NOT_RETRIEVED' },
    ]);
    expect(y2022.commune.criteria.find((c: Data) => c.derived).code).toBe('TT124-XA-4');
    const sets = (await s.run(police, '{ policeCriteriaSets { id fromYear toYear } }')).data as Data;
    expect(sets.policeCriteriaSets).toHaveLength(8);
  });

  it('lets the province add a criterion from a year on, without changing earlier years', async () => {
    const leader = user('police', PROVINCE, ['LEADER']);
    const add = await s.run(
      leader,
      'mutation { addProvincialCriterion(subjectKind: RESIDENTIAL_AREA, textVi: "Không có người tái nghiện", textEn: "No relapse into drug use", fromYear: 2024) { code provincial } }',
    );
    expect(add.data).toEqual({ addProvincialCriterion: { code: 'SL-KDC-1', provincial: true } });
    const codes = async (y: number) =>
      (
        (await s.run(police, `{ policeCriteriaSet(subjectKind: RESIDENTIAL_AREA, year: ${y}) { criteria { code } } }`)).data as Data
      ).policeCriteriaSet.criteria.map((c: Data) => c.code);
    expect(await codes(2023)).not.toContain('SL-KDC-1');
    expect(await codes(2024)).toContain('SL-KDC-1');
    const notLeader = await s.run(police, 'mutation { addProvincialCriterion(subjectKind: COMMUNE, textVi: "x", textEn: "x", fromYear: 2024) { code } }');
    expect(notLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rounds the commune’s 70% up: 16 or 17 of 25 fail, 18 of 25 pass (and 7 of 10, exactly)', () => {
    expect(recognisedNeeded(25)).toBe(18);
    expect(recognisedNeeded(10)).toBe(7);
    expect(recognisedNeeded(3)).toBe(3);
  });

  it('computes a commune’s own criterion from its residential areas’ results, and refuses it typed in', async () => {
    const areas = t.childrenOn(CHIENG_PHA, '2021-11-15').map((a) => a.id);
    const needed = recognisedNeeded(areas.length);
    for (const [i, a] of areas.entries()) await assessArea(s, a, 2021, true, i < needed - 1);
    const input = {
      year: 2021,
      unitId: CHIENG_PHA,
      registeredOn: '2021-02-01',
      selfAssessedOn: '2021-11-01',
      criteria: [
        { code: 'TT23-XA-1', met: true },
        { code: 'TT23-XA-2', met: true },
      ],
    };
    const first = (await s.run(police, RECORD, { input })).data as Data;
    const derived = () => first.recordStandardAssessment.criteria.find((c: Data) => c.criterion.derived);
    expect(derived()).toEqual({
      criterion: { code: 'TT23-XA-3', derived: true },
      met: false,
      note: `Tự động tính: ${areas.length}/${areas.length} đơn vị đăng ký, ${needed - 1}/${areas.length} được công nhận (cần tối thiểu ${needed}).`,
    });
    expect(first.recordStandardAssessment.result).toBe('NOT_MET');
    // One more area recognised: the commune's criterion is met on the next reading, with nothing typed.
    const last = areas[needed - 1]!;
    const a = ((await s.run(police, `{ policeUnitAssessment(unitId: "${last}", year: 2021) { id } }`)).data as Data).policeUnitAssessment.id;
    await s.run(police, RECOGNIZE.replace('2022-11-20', '2021-11-20'), { id: a });
    const again = (await s.run(police, `{ policeUnitAssessment(unitId: "${CHIENG_PHA}", year: 2021) { result criteria { criterion { code } met } } }`))
      .data as Data;
    expect(again.policeUnitAssessment.result).toBe('MET');
    const typed = await s.run(police, RECORD, { input: { ...input, criteria: [...input.criteria, { code: 'TT23-XA-3', met: true }] } });
    expect(typed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criteria.2.code', reason: 'DERIVED_CRITERION' });
  });

  it.each([
    ['registration outside the first quarter', { registeredOn: '2022-05-01' }, 'input.registeredOn', 'NOT_IN_FIRST_QUARTER'],
    ['a self-assessment outside the window', { selfAssessedOn: '2022-12-01' }, 'input.selfAssessedOn', 'OUTSIDE_WINDOW'],
    ['more households registered than live there', { householdsRegistered: 120 }, 'input.householdsRegistered', 'TOO_LARGE'],
    ['a criterion of another set', { criteria: [{ code: 'TT23-KDC-5', met: true }] }, 'input.criteria.0.code', 'UNKNOWN_CRITERION'],
    ['a self-assessment with criteria missing', { criteria: [{ code: 'TT124-KDC-1', met: true }] }, 'input.criteria', 'MISSING_CRITERIA'],
    [
      'a commune that did not exist at the end of the window',
      { unitId: CHIENG_PHA, householdsTotal: null, householdsRegistered: null, criteria: [], selfAssessedOn: null },
      'input.unitId',
      'UNIT_NOT_VALID_ON_DATE',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_w, change, field, reason) => {
    const area = t.childrenOn(BINH_THUAN, '2025-11-01')[0]!.id;
    const base = {
      year: 2025,
      unitId: area,
      registeredOn: '2025-02-01',
      householdsTotal: 100,
      householdsRegistered: 100,
      selfAssessedOn: '2025-10-01',
      criteria: ['TT124-KDC-1', 'TT124-KDC-2', 'TT124-KDC-3', 'TT124-KDC-4', 'TT124-KDC-5'].map((code) => ({ code, met: true })),
    };
    const input = {
      ...base,
      ...(field === 'input.registeredOn' || field === 'input.selfAssessedOn' ? { year: 2022, registeredOn: '2022-02-01', selfAssessedOn: '2022-10-01' } : {}),
      ...change,
    };
    const res = await s.run(police, RECORD, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('standard_assessments')).toBe(0);
  });

  it('keeps establishments outside Circular 124 out of the standard, with the reason', async () => {
    const reg = await s.run(
      police,
      `mutation { registerEstablishment(name: "Trường Tiểu học Bình Thuận", kind: SCHOOL, subKind: PRIMARY, unitId: "${BINH_THUAN}", managedBy: COMMUNE) { id inScope outOfScopeReason } }`,
    );
    expect(reg.data).toEqual({
      registerEstablishment: { id: 'CS-0001', inScope: false, outOfScopeReason: 'Trường tiểu học không thuộc phạm vi Thông tư 124/2021/TT-BCA.' },
    });
    const res = await s.run(police, RECORD, { input: { year: 2025, establishmentId: 'CS-0001', registeredOn: '2025-02-01' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ field: 'input.establishmentId', reason: 'OUT_OF_SCOPE' });
    const wrong = await s.run(
      police,
      `mutation { registerEstablishment(name: "X", kind: ENTERPRISE, subKind: PRIMARY, unitId: "${BINH_THUAN}", managedBy: COMMUNE) { id } }`,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ field: 'subKind', reason: 'SUBKIND_MISMATCH' });
  });

  it('gives indicators with numerator, denominator, ratio and target, on the map of the year and on today’s', async () => {
    const areas = t.childrenOn(CHIENG_PHA, '2021-10-31').map((a) => a.id);
    for (const a of areas.slice(0, 3)) await assessArea(s, a, 2021);
    const q = `query ($u: ID!) { unit(id: $u) { police { standardIndicators(year: 2021) { residentialAreas { numerator denominator ratio target meetsTarget registered } } } } }`;
    const pha = ((await s.run(dashboard(), q, { u: CHIENG_PHA })).data as Data).unit.police.standardIndicators.residentialAreas;
    expect(pha).toEqual({ numerator: 3, denominator: areas.length, ratio: 3 / areas.length, target: 0.9, meetsTarget: false, registered: 3 });
    // The same records count for Huyện Thuận Châu (as recorded) and for Xã Bình Thuận (today's map).
    const district = ((await s.run(leadership(), q, { u: THUAN_CHAU })).data as Data).unit.police.standardIndicators.residentialAreas;
    expect(district.numerator).toBe(3);
    const binhThuan = ((await s.run(leadership(), q, { u: BINH_THUAN })).data as Data).unit.police.standardIndicators.residentialAreas;
    expect(binhThuan.numerator).toBe(3);
    const asRecorded = ((await s.run(leadership(), `{ unit(id: "${PROVINCE}") { police { standardBreakdown(year: 2021) { unit { id } } } } }`)).data as Data)
      .unit.police.standardBreakdown;
    expect(asRecorded.map((r: Data) => r.unit.id)).toEqual(t.unitsOn('2021-11-15', 'DISTRICT').map((d) => d.id));
    const todayMap = (
      (
        await s.run(
          leadership(),
          `{ unit(id: "${PROVINCE}") { police { standardBreakdown(year: 2021, view: TODAY_MAP) { unit { id } residentialAreas { numerator } } } } }`,
        )
      ).data as Data
    ).unit.police.standardBreakdown;
    expect(todayMap).toHaveLength(75);
    expect(todayMap.find((r: Data) => r.unit.id === BINH_THUAN).residentialAreas.numerator).toBe(3);
    expect(todayMap.filter((r: Data) => r.residentialAreas.numerator > 0)).toHaveLength(1);
  });

  it('lets only police staff record an assessment, inside their jurisdiction', async () => {
    const area = t.childrenOn(BINH_THUAN, '2025-10-31')[0]!.id;
    const input = { year: 2025, unitId: area, registeredOn: '2025-02-01' };
    for (const who of [staff('women', BINH_THUAN), leadership(), staff('police', unitId.newCommune('03646'))]) {
      expect((await s.run(who, RECORD, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await s.run(staff('police', BINH_THUAN), RECORD, { input })).errors).toBeUndefined();
  });
});

describe('the demo data', () => {
  it('puts some districts above the targets and some below, every year from 2021', async () => {
    const s = await openTestSubgraph(subgraph, { demo: true });
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    for (let year = 2021; year <= thisYear; year++) {
      const rows = (
        (
          await s.run(
            leadership(),
            `{ unit(id: "${PROVINCE}") { police { standardBreakdown(year: ${year}) { residentialAreas { ratio meetsTarget } communes { meetsTarget } } } } }`,
          )
        ).data as Data
      ).unit.police.standardBreakdown;
      expect(rows.length).toBeGreaterThan(10);
      const areaTargets = rows.map((r: Data) => r.residentialAreas.meetsTarget);
      expect(areaTargets, `residential areas in ${year}`).toContain(true);
      expect(areaTargets, `residential areas in ${year}`).toContain(false);
    }
    const models = ((await s.run(leadership(), '{ policeModelUnits { unit { name } kind latestResult } }')).data as Data).policeModelUnits;
    expect(models.map((m: Data) => [m.unit.name, m.kind])).toEqual([
      ['Xã Chiềng Pha', 'MOVEMENT_MODEL'],
      ['Phường Chiềng Lề', 'URBAN_ORDER_MODEL'],
    ]);
  });
});
