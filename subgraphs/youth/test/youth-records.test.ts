/** The youth union's own records: legal education, youth forums, clubs and teams, the drug-prevention project's indicators. */
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCasework } from '@antt/casework/testing';
import { ok, refused } from '@antt/testing';
import { addDays, todayInVietnam, unitId } from '@antt/reference';
import { BINH_THUAN, CHIENG_LE, CHIENG_PHA, THUAN_CHAU, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const me = staff('youth', BINH_THUAN);
const SESSION = /* GraphQL */ `
  mutation ($input: RecordYouthLegalSessionInput!) {
    recordYouthLegalSession(input: $input) {
      id
      topic
      setting
      youthReached
      drugPrevention
    }
  }
`;
const TEAM = /* GraphQL */ `
  mutation ($input: RecordYouthTeamInput!) {
    registerYouthTeam(input: $input) {
      id
      kind
      name
      members
    }
  }
`;
const FORUM = /* GraphQL */ `
  mutation ($input: RecordYouthCrimeForumInput!) {
    recordYouthCrimeForum(input: $input) {
      id
      attendance
      proposals
    }
  }
`;
const INDICATORS = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      youth {
        legalEducation(periodId: $period) {
          count
          youthReached
          bySetting {
            setting
            count
            youthReached
          }
        }
        crimeForums(periodId: $period) {
          count
          attendance
          proposals
        }
        teams(periodId: $period) {
          kind
          count
          members
        }
        drugPreventionProject(periodId: $period) {
          sessions
          youthReached
          clubs
          volunteerTeams
          members
        }
      }
    }
  }
`;

describe('the youth union’s own records', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('computes the drug-prevention project’s indicators from sessions, clubs and volunteer teams, across the reform', async () => {
    ok(
      await s.run(me, SESSION, {
        input: { date: '2021-06-26', unitId: CHIENG_PHA, topic: 'Tác hại của ma túy', setting: 'SCHOOL', youthReached: 300, drugPrevention: true },
      }),
      'recordYouthLegalSession',
    );
    ok(
      await s.run(me, SESSION, {
        input: { date: '2021-07-10', unitId: CHIENG_PHA, topic: 'Luật Giao thông', setting: 'COMMUNITY', youthReached: 50, drugPrevention: false },
      }),
      'recordYouthLegalSession',
    );
    const club = ok<{ id: string }>(
      await s.run(me, TEAM, {
        input: { foundedOn: '2021-03-26', unitId: CHIENG_PHA, kind: 'DRUG_PREVENTION_CLUB', name: 'CLB phòng chống ma túy', members: 25 },
      }),
      'registerYouthTeam',
    );
    ok(
      await s.run(me, TEAM, {
        input: { foundedOn: '2021-04-01', unitId: CHIENG_PHA, kind: 'VOLUNTEER_PATROL_TEAM', name: 'Đội thanh niên xung kích', members: 12 },
      }),
      'registerYouthTeam',
    );
    ok(
      await s.run(me, FORUM, { input: { date: '2021-08-01', unitId: CHIENG_PHA, topic: 'Thanh niên với phòng chống tội phạm', attendance: 90, proposals: 7 } }),
      'recordYouthCrimeForum',
    );
    for (const unit of [CHIENG_PHA, THUAN_CHAU, BINH_THUAN]) {
      const y = ok<{ youth: Record<string, unknown> }>(await s.run(leadership(), INDICATORS, { unit, period: '2021' }), 'unit').youth;
      expect(y.drugPreventionProject).toEqual({ sessions: 1, youthReached: 300, clubs: 1, volunteerTeams: 1, members: 37 });
      expect(y.legalEducation).toMatchObject({ count: 2, youthReached: 350 });
      expect(y.crimeForums).toEqual({ count: 1, attendance: 90, proposals: 7 });
      expect(y.teams).toContainEqual({ kind: 'VOLUNTEER_PATROL_TEAM', count: 1, members: 12 });
    }
    ok(await s.run(me, 'mutation ($id: ID!) { dissolveYouthTeam(id: $id, on: "2022-01-15") { id dissolvedOn } }', { id: club.id }), 'dissolveYouthTeam');
    const y2022 = ok<{ youth: { drugPreventionProject: Record<string, number> } }>(
      await s.run(dashboard(), INDICATORS, { unit: BINH_THUAN, period: '2022' }),
      'unit',
    ).youth;
    expect(y2022.drugPreventionProject).toEqual({ sessions: 0, youthReached: 0, clubs: 0, volunteerTeams: 1, members: 12 });
    const elsewhere = ok<{ youth: { drugPreventionProject: Record<string, number> } }>(
      await s.run(leadership(), INDICATORS, { unit: CHIENG_LE, period: '2021' }),
      'unit',
    ).youth;
    expect(elsewhere.drugPreventionProject.sessions).toBe(0);
  });

  it('counts the project’s sessions for a district only on the days the district existed, as the framework’s counts do', async () => {
    const area = unitId.area('03730', 1);
    for (const date of ['2025-01-20', '2025-08-01'])
      ok(
        await s.run(me, SESSION, { input: { date, unitId: area, topic: 'Tác hại của ma túy', setting: 'COMMUNITY', youthReached: 40, drugPrevention: true } }),
        'recordYouthLegalSession',
      );
    // Huyện Thuận Châu ceased on 31/01/2025: of 2025 it answers for January, where the area's session of 20/01 is.
    const district = ok<{ youth: Record<string, Record<string, number>> }>(
      await s.run(leadership(), INDICATORS, { unit: THUAN_CHAU, period: '2025' }),
      'unit',
    ).youth;
    expect(district.drugPreventionProject).toMatchObject({ sessions: 1, youthReached: 40 });
    expect(district.legalEducation).toMatchObject({ count: 1, youthReached: 40 });
    const today = ok<{ youth: Record<string, Record<string, number>> }>(
      await s.run(leadership(), INDICATORS, { unit: BINH_THUAN, period: '2025' }),
      'unit',
    ).youth;
    expect(today.drugPreventionProject).toMatchObject({ sessions: 2, youthReached: 80 });
    expect(refused(await s.run(leadership(), INDICATORS, { unit: THUAN_CHAU, period: '2025-Q3' })).extensions).toMatchObject({
      field: 'periodId',
      reason: 'UNIT_CEASED_BEFORE_PERIOD',
    });
  });

  it('keeps a dissolution as a version of the team, refuses a second one and one before the founding, and reads the indicators at an instant, voided sessions left out', async () => {
    const club = ok<{ id: string }>(
      await s.run(me, TEAM, {
        input: { foundedOn: '2021-03-26', unitId: CHIENG_PHA, kind: 'DRUG_PREVENTION_CLUB', name: 'CLB phòng chống ma túy', members: 25 },
      }),
      'registerYouthTeam',
    );
    const session = ok<{ id: string }>(
      await s.run(me, SESSION, {
        input: { date: '2021-06-26', unitId: CHIENG_PHA, topic: 'Tác hại của ma túy', setting: 'SCHOOL', youthReached: 300, drugPrevention: true },
      }),
      'recordYouthLegalSession',
    );
    const DISSOLVE = /* GraphQL */ `
      mutation ($id: ID!, $on: Date!) {
        dissolveYouthTeam(id: $id, on: $on) {
          id
          version
          dissolvedOn
          history {
            version
            dissolvedOn
          }
        }
      }
    `;
    expect(refused(await s.run(me, DISSOLVE, { id: club.id, on: '2021-03-01' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'on',
      reason: 'DATE_BEFORE_START',
    });
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    expect(ok(await s.run(me, DISSOLVE, { id: club.id, on: '2021-10-01' }), 'dissolveYouthTeam')).toMatchObject({
      id: club.id,
      version: 2,
      dissolvedOn: '2021-10-01',
      history: [
        { version: 1, dissolvedOn: null },
        { version: 2, dissolvedOn: '2021-10-01' },
      ],
    });
    expect(refused(await s.run(me, DISSOLVE, { id: club.id, on: '2021-11-01' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'on',
      reason: 'ALREADY_CLOSED',
    });
    const AT = /* GraphQL */ `
      query ($unit: ID!, $asOf: DateTime) {
        unit(id: $unit) {
          youth {
            drugPreventionProject(periodId: "2021", asRecordedAt: $asOf) {
              sessions
              youthReached
              clubs
            }
          }
        }
      }
    `;
    const project = async (asOf?: string) =>
      ok<{ youth: { drugPreventionProject: Record<string, number> } }>(await s.run(dashboard(), AT, { unit: CHIENG_PHA, asOf }), 'unit').youth
        .drugPreventionProject;
    expect(await project()).toEqual({ sessions: 1, youthReached: 300, clubs: 0 });
    expect(await project(before)).toEqual({ sessions: 1, youthReached: 300, clubs: 1 });
    ok(
      await s.run(me, 'mutation ($id: ID!) { voidYouthLegalSession(id: $id, reason: "Ghi trùng, hủy bản này") { id } }', { id: session.id }),
      'voidYouthLegalSession',
    );
    expect(await project()).toEqual({ sessions: 0, youthReached: 0, clubs: 0 });
    expect(await project(before)).toEqual({ sessions: 1, youthReached: 300, clubs: 1 });
  });

  it.each([
    [
      'nobody reached',
      SESSION,
      { date: '2021-06-26', unitId: CHIENG_PHA, topic: 'x', setting: 'SCHOOL', youthReached: 0, drugPrevention: true },
      'input.youthReached',
      'TOO_SMALL',
    ],
    [
      'an empty topic',
      SESSION,
      { date: '2021-06-26', unitId: CHIENG_PHA, topic: '', setting: 'SCHOOL', youthReached: 5, drugPrevention: true },
      'input.topic',
      'REQUIRED',
    ],
    [
      'a team without members',
      TEAM,
      { foundedOn: '2021-03-26', unitId: CHIENG_PHA, kind: 'VOLUNTEER_TEAM', name: 'Đội', members: 0 },
      'input.members',
      'TOO_SMALL',
    ],
    [
      'a forum in a commune not yet formed',
      FORUM,
      { date: '2021-08-01', unitId: BINH_THUAN, topic: 'x', attendance: 9, proposals: 0 },
      'input.unitId',
      'UNIT_NOT_VALID_ON_DATE',
    ],
  ])('refuses %s, naming the field', async (_what, mutation, input, field, reason) => {
    expect(refused(await s.run(me, mutation, { input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('youth_legal_sessions') + s.count('youth_teams') + s.count('youth_forums')).toBe(0);
  });

  it('lets leadership list sessions but not write them, and hides them from other organizations', async () => {
    ok(
      await s.run(me, SESSION, { input: { date: '2021-06-26', unitId: CHIENG_PHA, topic: 'x', setting: 'ONLINE', youthReached: 5, drugPrevention: false } }),
      'recordYouthLegalSession',
    );
    expect(ok<{ totalCount: number }>(await s.run(leadership(), '{ youthLegalSessions { totalCount } }'), 'youthLegalSessions').totalCount).toBe(1);
    expect(
      refused(
        await s.run(leadership(), SESSION, {
          input: { date: '2021-06-26', unitId: CHIENG_PHA, topic: 'x', setting: 'ONLINE', youthReached: 5, drugPrevention: false },
        }),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(refused(await s.run(staff('labour'), '{ youthLegalSessions { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
  });

  it('loads demo data of every kind from 2021 to today', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['youth_legal_sessions', 'youth_forums', 'youth_teams', 'reintegration_supports', 'at_risk_supports'])
      expect(demo.count(table), table).toBeGreaterThan(0);
    const latest = (
      (await demo.run(leadership(), '{ youthLegalSessions(first: 1) { nodes { date } } }')).data as { youthLegalSessions: { nodes: { date: string }[] } }
    ).youthLegalSessions.nodes[0]!.date;
    expect(latest >= addDays(todayInVietnam(), -60)).toBe(true);
  });
});

// The duties it shares with other organizations, as every organization that carries them out must behave.
describeCasework(subgraph, ['reintegration', 'atRiskSupport']);
