/**
 * The behaviour every organization that carries out a shared duty must show, run from each one's own
 * test file (like the kit's describeOrganizationSubgraph): records are written by the organization's
 * staff in their jurisdiction, read by leadership, counted by unit and period across the 2025 reform;
 * bad input is refused with the field named and nothing written; a reintegration case is known only by
 * its pseudonymous id; matters the law excludes from mediation are refused with an error that says so.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ORGANIZATION_IDS, ORGANIZATIONS, unitId } from '@antt/reference';
import type { OrganizationSubgraph } from '@antt/subgraph-kit';
import {
  BINH_THUAN,
  CHIENG_LE,
  CHIENG_PHA,
  PROVINCE,
  THUAN_CHAU,
  TO_HIEU,
  dashboard,
  leadership,
  ok,
  openTestSubgraph,
  refused,
  staff,
  type TestSubgraph,
} from '@antt/testing';
import type { DutyName } from './modules.js';

/** A residential area of Xã Chiềng Pha, which went into Xã Bình Thuận on 1 July 2025. */
export const PHA_AREA = unitId.area('03730', 1);

type Data = Record<string, unknown>;

export function describeCasework(sg: OrganizationSubgraph, duties: readonly DutyName[]): void {
  const org = sg.name;
  const P = ORGANIZATIONS[org].typePrefix;
  const other = ORGANIZATION_IDS.find((o) => o !== org && o !== 'police')!;
  const me = staff(org, BINH_THUAN);
  const elsewhere = staff(org, TO_HIEU);
  const summary = (field: string, selection: string) =>
    `query ($unit: ID!, $period: ID!) { unit(id: $unit) { ${org} { ${field}(periodId: $period) ${selection} } } }`;

  describe(`the ${org} subgraph's shared duties`, () => {
    let s: TestSubgraph;
    beforeEach(async () => {
      s = await openTestSubgraph(sg);
    });

    if (duties.includes('reintegration')) {
      const ASSIGN = `mutation ($input: Record${P}ReintegrationSupportInput!) { assign${P}ReintegrationSupport(input: $input) { id case { id } commune { id name } branch { id } supporterKind mentorName groupName outcome } }`;
      const VISIT = `mutation ($id: ID!, $input: ${P}ReintegrationVisitInput!) { record${P}ReintegrationVisit(supportId: $id, input: $input) { id visits { visitedOn help } } }`;
      const OUTCOME = `mutation ($id: ID!, $outcome: ReintegrationOutcome!, $on: Date!) { record${P}ReintegrationOutcome(supportId: $id, outcome: $outcome, on: $on) { id outcome outcomeOn } }`;
      const SUMMARY = summary(
        'reintegration',
        '{ casesSupported newAssignments supporters { kind cases } visits help { kind count } outcomes { outcome count } }',
      );
      const mentor = { caseId: 'DEMO-TH-0001', communeId: CHIENG_PHA, assignedOn: '2021-03-02', supporterKind: 'MENTOR', mentorName: 'Lò Văn Thắng' };
      const assign = async (input: Data = mentor) => ok<{ id: string }>(await s.run(me, ASSIGN, { input }), `assign${P}ReintegrationSupport`).id;

      describe('reintegration support', () => {
        it('assigns a mentor to a case known only by its pseudonymous id and commune, records visits and the outcome', async () => {
          const res = ok(await s.run(me, ASSIGN, { input: mentor }), `assign${P}ReintegrationSupport`);
          expect(res).toMatchObject({
            case: { id: 'DEMO-TH-0001' },
            commune: { id: CHIENG_PHA, name: 'Xã Chiềng Pha' },
            branch: { id: `${org}@${CHIENG_PHA}` },
            supporterKind: 'MENTOR',
            mentorName: 'Lò Văn Thắng',
            outcome: null,
          });
          const id = (res as { id: string }).id;
          ok(await s.run(me, VISIT, { id, input: { visitedOn: '2021-04-10', help: ['LOAN', 'JOB', 'JOB'] } }), `record${P}ReintegrationVisit`);
          const visited = ok<{ visits: unknown[] }>(
            await s.run(me, VISIT, { id, input: { visitedOn: '2021-06-01', help: [] } }),
            `record${P}ReintegrationVisit`,
          );
          expect(visited.visits).toEqual([
            { visitedOn: '2021-04-10', help: ['JOB', 'LOAN'] },
            { visitedOn: '2021-06-01', help: [] },
          ]);
          expect(ok(await s.run(me, OUTCOME, { id, outcome: 'STABLE', on: '2021-11-30' }), `record${P}ReintegrationOutcome`)).toEqual({
            id,
            outcome: 'STABLE',
            outcomeOn: '2021-11-30',
          });
        });

        it('counts cases supported, visits, help and outcomes for the commune, its district and today’s commune, never a name', async () => {
          const id = await assign();
          await s.run(me, VISIT, { id, input: { visitedOn: '2021-04-10', help: ['VOCATIONAL_TRAINING'] } });
          await s.run(me, OUTCOME, { id, outcome: 'MOVED_AWAY', on: '2021-09-01' });
          await assign({
            caseId: 'DEMO-TH-0002',
            communeId: CHIENG_PHA,
            assignedOn: '2021-05-02',
            supporterKind: 'INTER_HOUSEHOLD_GROUP',
            groupName: 'Nhóm liên gia tự quản số 3',
          });
          // The organization's own provincial staff, and provincial leadership (audited), read the exact
          // figures; a dashboard sees small counts of cases (under the disclosure threshold) hidden, so that a small number cannot
          // point to a person.
          const own = staff(org, PROVINCE);
          const exact = ok<Data>(await s.run(leadership(), SUMMARY, { unit: CHIENG_PHA, period: '2021' }), 'unit');
          expect((exact[org] as { reintegration: Record<string, unknown> }).reintegration).toMatchObject({ casesSupported: 2, newAssignments: 2 });
          const hidden = ok<Data>(await s.run(dashboard(), SUMMARY, { unit: CHIENG_PHA, period: '2021' }), 'unit');
          expect((hidden[org] as { reintegration: Record<string, unknown> }).reintegration).toMatchObject({
            casesSupported: null,
            newAssignments: null,
            visits: null,
          });
          for (const unit of [CHIENG_PHA, THUAN_CHAU, BINH_THUAN, PROVINCE]) {
            const r = ok<Data>(await s.run(own, SUMMARY, { unit, period: '2021' }), 'unit');
            const sum = (r[org] as { reintegration: Record<string, unknown> }).reintegration;
            expect(sum).toMatchObject({
              casesSupported: 2,
              newAssignments: 2,
              visits: 1,
              supporters: [
                { kind: 'MENTOR', cases: 1 },
                { kind: 'INTER_HOUSEHOLD_GROUP', cases: 1 },
              ],
            });
            expect(sum.outcomes).toContainEqual({ outcome: 'MOVED_AWAY', count: 1 });
            expect(sum.help).toContainEqual({ kind: 'VOCATIONAL_TRAINING', count: 1 });
            expect(JSON.stringify(sum)).not.toContain('Lò Văn');
          }
          // A support that ended before a period began is not counted in it; nothing is counted elsewhere.
          const later = ok<Data>(await s.run(own, SUMMARY, { unit: BINH_THUAN, period: '2022' }), 'unit');
          expect((later[org] as { reintegration: { casesSupported: number } }).reintegration.casesSupported).toBe(1);
          const other = ok<Data>(await s.run(own, SUMMARY, { unit: CHIENG_LE, period: '2021' }), 'unit');
          expect((other[org] as { reintegration: { casesSupported: number } }).reintegration.casesSupported).toBe(0);
        });

        it('knows the case only by its id: ReintegrationCase has no other field in this subgraph', () => {
          const t = sg.schema().getType('ReintegrationCase');
          // Duck-typed: the kit's schema comes from graphql's CJS build, tests run its ESM one.
          expect(t && 'getFields' in t && Object.keys((t as { getFields(): object }).getFields())).toEqual(['id']);
        });

        it('shows the mentor’s name to the organization’s staff only; leadership reads the support without it', async () => {
          const id = await assign();
          const q = `query ($id: ID!) { ${org}ReintegrationSupport(id: $id) { id case { id } mentorName } }`;
          expect(ok(await s.run(me, q, { id }), `${org}ReintegrationSupport`)).toEqual({ id, case: { id: 'DEMO-TH-0001' }, mentorName: 'Lò Văn Thắng' });
          // Leadership reads the support; the mentor's name is refused on its own path (personal data of a member).
          const asLeader = await s.run(leadership(), q, { id });
          expect(asLeader.data).toEqual({ [`${org}ReintegrationSupport`]: { id, case: { id: 'DEMO-TH-0001' }, mentorName: null } });
          expect(asLeader.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', [`${org}ReintegrationSupport`, 'mentorName']]]);
        });

        it('hides the support from other organizations, other communes and dashboards, through _entities as well', async () => {
          const id = await assign();
          const entity = `query ($id: ID!) { _entities(representations: [{ __typename: "${P}ReintegrationSupport", id: $id }]) { ... on ${P}ReintegrationSupport { id } } }`;
          expect(ok(await s.run(leadership(), entity, { id }), '_entities')).toEqual([{ id }]);
          for (const who of [staff(other), elsewhere, dashboard()]) expect(ok(await s.run(who, entity, { id }), '_entities')).toEqual([null]);
          expect(refused(await s.run(staff(other), `{ ${org}ReintegrationSupports { totalCount } }`)).extensions?.code).toBe('FORBIDDEN');
          expect(refused(await s.run(dashboard(), `{ ${org}ReintegrationSupports { totalCount } }`)).extensions?.code).toBe('FORBIDDEN');
          expect(ok(await s.run(dashboard(), SUMMARY, { unit: PROVINCE, period: '2021' }), 'unit')).toBeTruthy();
          expect(refused(await s.run(elsewhere, `{ ${org}ReintegrationSupports(unitId: "${BINH_THUAN}") { totalCount } }`)).extensions?.code).toBe('FORBIDDEN');
          expect(
            ok<{ totalCount: number }>(await s.run(me, `{ ${org}ReintegrationSupports(caseId: "DEMO-TH-0001") { totalCount } }`), `${org}ReintegrationSupports`)
              .totalCount,
          ).toBe(1);
        });

        it.each([
          ['a name typed in place of the case id', { caseId: 'Nguyễn Văn A' }, 'input.caseId', 'INVALID_CODE'],
          ['a unit that is not a commune', { communeId: THUAN_CHAU }, 'input.communeId', 'WRONG_UNIT_LEVEL'],
          ['a commune that did not exist on the day', { communeId: BINH_THUAN }, 'input.communeId', 'UNIT_NOT_VALID_ON_DATE'],
          ['a mentor without a name', { mentorName: '  ' }, 'input.mentorName', 'REQUIRED'],
          ['a group without a name', { supporterKind: 'INTER_HOUSEHOLD_GROUP', mentorName: null }, 'input.groupName', 'REQUIRED'],
          ['a day in the future', { assignedOn: '2999-01-01' }, 'input.assignedOn', 'DATE_IN_FUTURE'],
        ])('refuses an assignment with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
          const err = refused(await s.run(me, ASSIGN, { input: { ...mentor, ...change } }));
          expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
          expect(err.message).not.toContain('Nguyễn Văn A');
          expect(s.count('reintegration_supports')).toBe(0);
        });

        it('refuses a second support of the same case while the first goes on, a visit before the assignment and a second outcome', async () => {
          const id = await assign();
          expect(refused(await s.run(me, ASSIGN, { input: { ...mentor, assignedOn: '2021-04-01' } })).extensions).toMatchObject({
            field: 'input.caseId',
            reason: 'ALREADY_SUPPORTED',
          });
          expect(refused(await s.run(me, VISIT, { id, input: { visitedOn: '2021-01-01', help: [] } })).extensions).toMatchObject({
            field: 'input.visitedOn',
            reason: 'DATE_BEFORE_START',
          });
          ok(await s.run(me, OUTCOME, { id, outcome: 'STABLE', on: '2021-10-01' }), `record${P}ReintegrationOutcome`);
          expect(refused(await s.run(me, OUTCOME, { id, outcome: 'REOFFENDED', on: '2021-10-02' })).extensions).toMatchObject({
            field: 'outcome',
            reason: 'ALREADY_CLOSED',
          });
          expect(refused(await s.run(me, VISIT, { id, input: { visitedOn: '2021-10-05', help: [] } })).extensions).toMatchObject({ reason: 'SUPPORT_CLOSED' });
          expect(s.count('reintegration_visits')).toBe(0);
          // Once ended, the case can be supported again.
          await assign({ ...mentor, assignedOn: '2021-10-20' });
          expect(s.count('reintegration_supports')).toBe(2);
        });

        it('lets only the organization’s staff of the commune write, and hides a support from others who try to change it', async () => {
          expect(refused(await s.run(elsewhere, ASSIGN, { input: mentor })).extensions?.code).toBe('FORBIDDEN');
          expect(refused(await s.run(leadership(), ASSIGN, { input: mentor })).extensions?.code).toBe('FORBIDDEN');
          expect(refused(await s.run(staff(other), ASSIGN, { input: mentor })).extensions?.code).toBe('FORBIDDEN');
          const id = await assign();
          expect(refused(await s.run(elsewhere, OUTCOME, { id, outcome: 'STABLE', on: '2021-10-01' })).extensions?.code).toBe('NOT_FOUND');
          expect(s.count('reintegration_supports')).toBe(1);
        });
      });
    }

    if (duties.includes('mediation')) {
      const TEAM = `mutation ($input: Record${P}MediationTeamInput!) { register${P}MediationTeam(input: $input) { id name area { id } mediators womenMediators ourMembers partnerOrganizations { id } meetsTeamComposition } }`;
      const CASE = `mutation ($input: Record${P}MediationCaseInput!) { record${P}MediationCase(input: $input) { id category parties result unit { id } team { id caseCount } hotspotId } }`;
      const RESULT = `mutation ($id: ID!, $result: MediationResult!, $on: Date!, $to: String) { record${P}MediationResult(caseId: $id, result: $result, on: $on, transferredTo: $to) { id result resultOn transferredTo } }`;
      const team = {
        areaId: PHA_AREA,
        name: 'Tổ hòa giải bản',
        formedOn: '2020-05-01',
        mediators: 5,
        womenMediators: 2,
        ourMembers: 1,
        partnerOrganizationIds: ['front', 'women', 'front'].filter((o) => o !== org),
        leaderName: 'Cầm Văn Chiến',
      };
      const registerTeam = async () => ok<{ id: string }>(await s.run(me, TEAM, { input: team }), `register${P}MediationTeam`).id;
      const matter = (teamId: string, change: Data = {}) => ({
        teamId,
        receivedOn: '2021-03-15',
        category: 'LAND',
        parties: 2,
        summary: 'Tranh chấp ranh giới nương',
        ...change,
      });

      describe('grassroots mediation', () => {
        it('registers a team of several organizations, records a matter and its result', async () => {
          const t = ok<Data>(await s.run(me, TEAM, { input: team }), `register${P}MediationTeam`);
          expect(t).toMatchObject({ area: { id: PHA_AREA }, mediators: 5, womenMediators: 2, meetsTeamComposition: true });
          expect((t.partnerOrganizations as { id: string }[]).map((o) => o.id)).toEqual([...new Set(team.partnerOrganizationIds)]);
          const c = ok<{ id: string }>(await s.run(me, CASE, { input: matter(t.id as string, { hotspotId: 'hotspot:police:9' }) }), `record${P}MediationCase`);
          expect(c).toMatchObject({
            category: 'LAND',
            parties: 2,
            result: 'PENDING',
            unit: { id: PHA_AREA },
            team: { id: t.id, caseCount: 1 },
            hotspotId: 'hotspot:police:9',
          });
          expect(ok(await s.run(me, RESULT, { id: c.id, result: 'SETTLED', on: '2021-03-20' }), `record${P}MediationResult`)).toEqual({
            id: c.id,
            result: 'SETTLED',
            resultOn: '2021-03-20',
            transferredTo: null,
          });
        });

        it('counts teams, matters by category and result for the area’s commune before and after the reform', async () => {
          const teamId = await registerTeam();
          const a = ok<{ id: string }>(await s.run(me, CASE, { input: matter(teamId) }), `record${P}MediationCase`);
          await s.run(me, CASE, { input: matter(teamId, { category: 'NEIGHBOURS', parties: 3 }) });
          await s.run(me, RESULT, { id: a.id, result: 'TRANSFERRED', on: '2021-04-01', to: 'UBND xã Chiềng Pha' });
          const q = summary('mediation', '{ teams mediators ourMembers received parties byCategory { category count } byResult { result count } }');
          for (const unit of [CHIENG_PHA, THUAN_CHAU, BINH_THUAN]) {
            const m = (ok<Data>(await s.run(leadership(), q, { unit, period: '2021-PLAN-Y' }), 'unit')[org] as { mediation: Record<string, unknown> })
              .mediation;
            expect(m).toMatchObject({ teams: 1, mediators: 5, ourMembers: 1, received: 2, parties: 5 });
            expect(m.byCategory).toContainEqual({ category: 'LAND', count: 1 });
            expect(m.byCategory).toContainEqual({ category: 'NEIGHBOURS', count: 1 });
            expect(m.byResult).toEqual([
              { result: 'PENDING', count: 1 },
              { result: 'SETTLED', count: 0 },
              { result: 'NOT_SETTLED', count: 0 },
              { result: 'TRANSFERRED', count: 1 },
            ]);
            // Excluded categories are never recorded, so they are not reported either.
            expect((m.byCategory as { category: string }[]).map((c) => c.category)).not.toContain('CRIMINAL_OFFENCE');
          }
        });

        it.each([
          ['CRIMINAL_OFFENCE', 'điểm c', 'truy cứu trách nhiệm hình sự'],
          ['ADMINISTRATIVE_OFFENCE', 'điểm c', 'xử lý vi phạm hành chính'],
          ['STATE_OR_PUBLIC_INTEREST', 'điểm a', 'lợi ích của Nhà nước'],
          ['CIVIL_NOT_MEDIABLE', 'điểm b', 'tố tụng dân sự'],
        ])('refuses to record a %s matter, citing Article 3 of the Law on Grassroots Mediation, and writes nothing', async (category, point, words) => {
          const teamId = await registerTeam();
          const err = refused(await s.run(me, CASE, { input: matter(teamId, { category }) }));
          expect(err.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'input.category',
            reason: 'EXCLUDED_FROM_MEDIATION',
            legalBasis: `Luật Hòa giải ở cơ sở số 35/2013/QH13, Điều 3 khoản 1 ${point}`,
          });
          expect(err.message).toContain('Không được hòa giải ở cơ sở');
          expect(err.message).toContain(`${point} khoản 1 Điều 3 Luật Hòa giải ở cơ sở 2013`);
          expect(err.message).toContain(words);
          expect(s.count('mediation_cases')).toBe(0);
        });

        it('tells the mediator to report a crime to the commune police instead', async () => {
          const teamId = await registerTeam();
          expect(refused(await s.run(me, CASE, { input: matter(teamId, { category: 'CRIMINAL_OFFENCE' }) })).message).toContain('báo ngay cho Công an xã');
        });

        it.each([
          ['one party', { parties: 1 }, 'input.parties', 'TOO_SMALL'],
          ['a day before the team was formed', { receivedOn: '2020-01-01' }, 'input.receivedOn', 'DATE_BEFORE_START'],
          ['a team that does not exist', { teamId: '999' }, 'input.teamId', 'UNKNOWN_TEAM'],
          ['a hotspot id that is not an id', { hotspotId: 'điểm nóng ở bản' }, 'input.hotspotId', 'INVALID_CODE'],
        ])('refuses a matter with %s, naming the field', async (_what, change, field, reason) => {
          const teamId = await registerTeam();
          expect(refused(await s.run(me, CASE, { input: matter(teamId, change) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
          expect(s.count('mediation_cases')).toBe(0);
        });

        it('refuses a team that is not in a residential area, or with more women than mediators', async () => {
          expect(refused(await s.run(me, TEAM, { input: { ...team, areaId: CHIENG_PHA } })).extensions).toMatchObject({
            field: 'input.areaId',
            reason: 'WRONG_UNIT_LEVEL',
          });
          expect(refused(await s.run(me, TEAM, { input: { ...team, womenMediators: 6 } })).extensions).toMatchObject({
            field: 'input.womenMediators',
            reason: 'MORE_THAN_TOTAL',
          });
          expect(refused(await s.run(me, TEAM, { input: { ...team, partnerOrganizationIds: ['mafia'] } })).extensions).toMatchObject({
            field: 'input.partnerOrganizationIds',
            reason: 'UNKNOWN_ORGANIZATION',
          });
          expect(s.count('mediation_teams')).toBe(0);
        });

        it('refuses a result without the authority a matter went to, and a second result', async () => {
          const c = ok<{ id: string }>(await s.run(me, CASE, { input: matter(await registerTeam()) }), `record${P}MediationCase`);
          expect(refused(await s.run(me, RESULT, { id: c.id, result: 'TRANSFERRED', on: '2021-04-01' })).extensions).toMatchObject({
            field: 'transferredTo',
            reason: 'REQUIRED',
          });
          expect(refused(await s.run(me, RESULT, { id: c.id, result: 'PENDING', on: '2021-04-01' })).extensions).toMatchObject({
            field: 'result',
            reason: 'RESULT_REQUIRED',
          });
          ok(await s.run(me, RESULT, { id: c.id, result: 'NOT_SETTLED', on: '2021-04-01' }), `record${P}MediationResult`);
          expect(refused(await s.run(me, RESULT, { id: c.id, result: 'SETTLED', on: '2021-04-02' })).extensions).toMatchObject({ reason: 'ALREADY_CLOSED' });
        });

        it(`resolves a ${P}MediationCase through _entities for leadership (a police hotspot may point to it) and hides it from others`, async () => {
          const c = ok<{ id: string }>(await s.run(me, CASE, { input: matter(await registerTeam()) }), `record${P}MediationCase`);
          const entity = `query ($id: ID!) { _entities(representations: [{ __typename: "${P}MediationCase", id: $id }]) { ... on ${P}MediationCase { id result team { name } } } }`;
          expect(ok(await s.run(leadership(), entity, { id: c.id }), '_entities')).toEqual([
            { id: c.id, result: 'PENDING', team: { name: 'Tổ hòa giải bản' } },
          ]);
          for (const who of [staff(other), elsewhere, dashboard()]) expect(ok(await s.run(who, entity, { id: c.id }), '_entities')).toEqual([null]);
          expect(refused(await s.run(elsewhere, CASE, { input: matter('1') })).extensions).toMatchObject({ reason: 'UNKNOWN_TEAM' });
          expect(refused(await s.run(leadership(), CASE, { input: matter('1') })).extensions?.code).toBe('FORBIDDEN');
        });
      });
    }

    if (duties.includes('atRiskSupport')) {
      const RECORD = `mutation ($input: Record${P}AtRiskSupportInput!) { record${P}AtRiskSupport(input: $input) { id supportedGroup help peopleHelped givenBy unit { id } branch { id } } }`;
      const help = {
        date: '2021-07-01',
        unitId: PHA_AREA,
        supportedGroup: 'ERRED',
        help: ['VOCATIONAL_TRAINING', 'COUNSELLING'],
        peopleHelped: 3,
        givenBy: 'Chi hội bản',
      };

      describe('help for people at risk and people who erred', () => {
        it('records help given, by whom, to how many, and counts it by group and kind of help', async () => {
          expect(ok(await s.run(me, RECORD, { input: help }), `record${P}AtRiskSupport`)).toMatchObject({
            supportedGroup: 'ERRED',
            help: ['VOCATIONAL_TRAINING', 'COUNSELLING'],
            peopleHelped: 3,
            givenBy: 'Chi hội bản',
            unit: { id: PHA_AREA },
            branch: { id: `${org}@${CHIENG_PHA}` },
          });
          await s.run(me, RECORD, { input: { ...help, supportedGroup: 'AT_RISK', help: ['JOB'], peopleHelped: 1 } });
          const q = summary('atRiskSupport', '{ records peopleHelped byGroup { group records people } help { kind count } }');
          const sum = (ok<Data>(await s.run(leadership(), q, { unit: BINH_THUAN, period: '2021' }), 'unit')[org] as { atRiskSupport: Record<string, unknown> })
            .atRiskSupport;
          expect(sum).toMatchObject({ records: 2, peopleHelped: 4 });
          expect(sum.byGroup).toContainEqual({ group: 'ERRED', records: 1, people: 3 });
          expect(sum.help).toContainEqual({ kind: 'JOB', count: 1 });
          expect(
            ok<{ totalCount: number }>(await s.run(leadership(), `{ ${org}AtRiskSupports(periodId: "2021") { totalCount } }`), `${org}AtRiskSupports`)
              .totalCount,
          ).toBe(2);
        });

        it.each([
          ['no help at all', { help: [] }, 'input.help', 'REQUIRED'],
          ['nobody helped', { peopleHelped: 0 }, 'input.peopleHelped', 'TOO_SMALL'],
          ['nobody named as giving it', { givenBy: '' }, 'input.givenBy', 'REQUIRED'],
          ['a district instead of a commune or area', { unitId: THUAN_CHAU }, 'input.unitId', 'WRONG_UNIT_LEVEL'],
        ])('refuses help with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
          expect(refused(await s.run(me, RECORD, { input: { ...help, ...change } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
          expect(s.count('at_risk_supports')).toBe(0);
        });
      });
    }

    if (duties.includes('tipHandovers')) {
      const RECORD = `mutation ($input: Record${P}TipHandoverInput!) { record${P}TipHandover(input: $input) { id receiptId source date unit { id } } }`;
      const receipt = { date: '2021-08-02', unitId: CHIENG_PHA, source: 'MEMBER', receiptId: 'BN-2021-000123' };

      describe('crime information handed to the police', () => {
        it('keeps only the police’s receipt, and counts handovers by source', async () => {
          expect(ok(await s.run(me, RECORD, { input: receipt }), `record${P}TipHandover`)).toMatchObject({
            receiptId: 'BN-2021-000123',
            source: 'MEMBER',
            unit: { id: CHIENG_PHA },
          });
          await s.run(me, RECORD, { input: { ...receipt, receiptId: 'BN-2021-000124', source: 'FORUM' } });
          const q = summary('tipHandovers', '{ handovers bySource { source count } }');
          const sum = (
            ok<Data>(await s.run(leadership(), q, { unit: BINH_THUAN, period: '2021-Q3' }), 'unit')[org] as { tipHandovers: Record<string, unknown> }
          ).tipHandovers;
          expect(sum.handovers).toBe(2);
          expect(sum.bySource).toContainEqual({ source: 'FORUM', count: 1 });
          // Handovers are crime information: a small count is hidden from a dashboard.
          const dash = (
            ok<Data>(await s.run(dashboard(), q, { unit: BINH_THUAN, period: '2021-Q3' }), 'unit')[org] as { tipHandovers: Record<string, unknown> }
          ).tipHandovers;
          expect(dash.handovers).toBeNull();
          expect(dash.bySource).toContainEqual({ source: 'FORUM', count: null });
        });

        it('refuses the same receipt twice and anything but a receipt id in its place', async () => {
          ok(await s.run(me, RECORD, { input: receipt }), `record${P}TipHandover`);
          expect(refused(await s.run(me, RECORD, { input: receipt })).extensions).toMatchObject({ field: 'input.receiptId', reason: 'DUPLICATE' });
          expect(refused(await s.run(me, RECORD, { input: { ...receipt, receiptId: 'Ông A bán ma túy ở bản B' } })).extensions).toMatchObject({
            field: 'input.receiptId',
            reason: 'INVALID_CODE',
          });
          expect(s.count('tip_handovers')).toBe(1);
        });
      });
    }
  });
}
