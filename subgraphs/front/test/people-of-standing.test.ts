/**
 * People of standing: personal details visible to the Front's staff of the jurisdiction (and to
 * leadership granted personal data, without ethnicity); ethnicity stored only when given and never a
 * dimension of a count; a nomination decided once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { unitId } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, THUAN_CHAU, TO_HIEU, dashboard, leadership, openTestSubgraph, staff, user, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const AREA = unitId.area('03730', 1);
const NOMINATE = /* GraphQL */ `
  mutation ($input: NominateFrontPersonOfStandingInput!) {
    nominateFrontPersonOfStanding(input: $input) {
      id
      role
      decision
      unit {
        id
      }
      nominatedBy {
        id
      }
      personal {
        fullName
        birthYear
        ethnicity
      }
    }
  }
`;
const LIST = /* GraphQL */ `
  query ($unit: ID) {
    frontPeopleOfStanding(unitId: $unit) {
      nodes {
        id
        role
        personal {
          fullName
          birthYear
          ethnicity
        }
      }
    }
  }
`;
const nomination = { fullName: 'Lò Văn Panh', birthYear: 1962, ethnicity: 'Thái', unitId: AREA, role: 'SECURITY_TEAM', nominatedOn: '2021-05-10' };
const frontOfBinhThuan = staff('front', BINH_THUAN);
const personal = { fullName: 'Lò Văn Panh', birthYear: 1962, ethnicity: 'Thái' };

let s: TestSubgraph;

/** The id of the n-th record written to a table (new records get opaque ids). */
const idOf = (table: string, n = 1) =>
  (s.sqlite.prepare(`SELECT record_id FROM ${table} WHERE version = 1 ORDER BY id LIMIT 1 OFFSET ?`).get(n - 1) as { record_id: string }).record_id;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph);
});

describe('nominating a person of standing', () => {
  it('records the nomination by the commune Front committee of the residential area', async () => {
    expect(await s.run(frontOfBinhThuan, NOMINATE, { input: nomination })).toEqual({
      data: {
        nominateFrontPersonOfStanding: {
          id: idOf('people_of_standing'),
          role: 'SECURITY_TEAM',
          decision: 'PENDING',
          unit: { id: AREA },
          nominatedBy: { id: `front@${CHIENG_PHA}` },
          personal,
        },
      },
    });
  });

  it('stores no ethnicity when the person did not give it', async () => {
    const res = await s.run(frontOfBinhThuan, NOMINATE, { input: { ...nomination, ethnicity: '  ' } });
    expect(res.data).toMatchObject({ nominateFrontPersonOfStanding: { personal: { ...personal, ethnicity: null } } });
  });

  it.each([
    ['a person under 18', { birthYear: 2010 }, 'input.birthYear', 'TOO_YOUNG'],
    ['a district', { unitId: THUAN_CHAU }, 'input.unitId', 'NOT_A_GRASSROOTS_UNIT'],
    ['a date in the future', { nominatedOn: '2999-01-01' }, 'input.nominatedOn', 'DATE_IN_FUTURE'],
    ['no name', { fullName: '' }, 'input.fullName', 'REQUIRED'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    const res = await s.run(frontOfBinhThuan, NOMINATE, { input: { ...nomination, ...change } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('people_of_standing')).toBe(0);
  });

  it('refuses a nomination by another organization, by leadership, or outside the jurisdiction', async () => {
    for (const who of [staff('women', BINH_THUAN), leadership(), staff('front', TO_HIEU)])
      expect((await s.run(who, NOMINATE, { input: nomination })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(s.count('people_of_standing')).toBe(0);
  });
});

describe('who sees personal details', () => {
  beforeEach(async () => {
    await s.run(frontOfBinhThuan, NOMINATE, { input: nomination });
  });

  it('shows them to the Front’s staff of the jurisdiction, at the commune and the province', async () => {
    for (const who of [frontOfBinhThuan, staff('front', PROVINCE)])
      expect(await s.run(who, LIST, { unit: BINH_THUAN })).toEqual({
        data: { frontPeopleOfStanding: { nodes: [{ id: idOf('people_of_standing'), role: 'SECURITY_TEAM', personal }] } },
      });
  });

  it('shows leadership the record but refuses the personal details, through root fields and _entities alike', async () => {
    const list = await s.run(leadership(), LIST, { unit: BINH_THUAN });
    expect(list.data).toEqual({ frontPeopleOfStanding: { nodes: [{ id: idOf('people_of_standing'), role: 'SECURITY_TEAM', personal: null }] } });
    expect(list.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const entity = await s.run(
      leadership(),
      `{ _entities(representations: [{ __typename: "PersonOfStanding", id: "${idOf('people_of_standing')}" }]) { ... on PersonOfStanding { id personal { fullName } } } }`,
    );
    expect(entity.data).toEqual({ _entities: [{ id: idOf('people_of_standing'), personal: null }] });
    expect(entity.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows leadership granted personal data the name and year of birth, never the ethnicity', async () => {
    const granted = user('province', PROVINCE, ['LEADERSHIP', 'PERSONAL_DATA']);
    expect(await s.run(granted, `{ frontPeopleOfStanding(unitId: "${BINH_THUAN}") { nodes { personal { fullName birthYear } } } }`)).toEqual({
      data: { frontPeopleOfStanding: { nodes: [{ personal: { fullName: 'Lò Văn Panh', birthYear: 1962 } }] } },
    });
    const ethnicity = await s.run(granted, LIST, { unit: BINH_THUAN });
    expect(ethnicity.data).toEqual({
      frontPeopleOfStanding: {
        nodes: [{ id: idOf('people_of_standing'), role: 'SECURITY_TEAM', personal: { fullName: 'Lò Văn Panh', birthYear: 1962, ethnicity: null } }],
      },
    });
    expect(ethnicity.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('hides the record from the Front’s staff of another commune and from other organizations, through root fields and _entities alike', async () => {
    expect(await s.run(staff('front', TO_HIEU), `{ frontPersonOfStanding(id: "${idOf('people_of_standing')}") { id } }`)).toEqual({
      data: { frontPersonOfStanding: null },
    });
    for (const who of [staff('women', BINH_THUAN), staff('police')]) {
      expect((await s.run(who, LIST, { unit: BINH_THUAN })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(
        await s.run(
          who,
          `{ _entities(representations: [{ __typename: "PersonOfStanding", id: "${idOf('people_of_standing')}" }]) { ... on PersonOfStanding { id } } }`,
        ),
      ).toEqual({ data: { _entities: [null] } });
    }
  });

  it('gives a dashboard counts by role and decision only, never by ethnicity', async () => {
    expect(await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { front { peopleOfStandingCounts { role decision count } } } }`)).toEqual({
      data: { unit: { front: { peopleOfStandingCounts: [{ role: 'SECURITY_TEAM', decision: 'PENDING', count: 1 }] } } },
    });
    expect((await s.run(dashboard(), LIST, { unit: PROVINCE })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { front { peopleOfStandingCounts { ethnicity } } } }`)).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});

describe('deciding a nomination', () => {
  const DECIDE = /* GraphQL */ `
    mutation ($id: ID!, $input: DecideFrontPersonOfStandingInput!) {
      decideFrontPersonOfStanding(id: $id, input: $input) {
        decision
        decidedOn
        decisionNote
      }
    }
  `;
  beforeEach(async () => {
    await s.run(frontOfBinhThuan, NOMINATE, { input: nomination });
  });

  it('records the decision once', async () => {
    expect(
      await s.run(frontOfBinhThuan, DECIDE, {
        id: idOf('people_of_standing'),
        input: { decision: 'ACCEPTED', decidedOn: '2021-06-01', note: 'Hội nghị bản thống nhất' },
      }),
    ).toEqual({ data: { decideFrontPersonOfStanding: { decision: 'ACCEPTED', decidedOn: '2021-06-01', decisionNote: 'Hội nghị bản thống nhất' } } });
    expect(
      (await s.run(frontOfBinhThuan, DECIDE, { id: idOf('people_of_standing'), input: { decision: 'DECLINED', decidedOn: '2021-06-02' } })).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'ALREADY_DECIDED' });
  });

  it.each([
    ['no decision', { decision: 'PENDING', decidedOn: '2021-06-01' }, 'input.decision', 'DECISION_REQUIRED'],
    ['a day before the nomination', { decision: 'ACCEPTED', decidedOn: '2021-05-01' }, 'input.decidedOn', 'BEFORE_NOMINATION'],
  ])('refuses %s, naming the field', async (_what, input, field, reason) => {
    expect((await s.run(frontOfBinhThuan, DECIDE, { id: idOf('people_of_standing'), input })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      reason,
    });
  });

  it('lets leadership read but not decide', async () => {
    expect(
      (await s.run(leadership(), DECIDE, { id: idOf('people_of_standing'), input: { decision: 'ACCEPTED', decidedOn: '2021-06-01' } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
