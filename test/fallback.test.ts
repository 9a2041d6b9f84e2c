/**
 * In-process: how the gateway cuts a fetch down to the shared reference schema when its subgraph
 * cannot be reached, and what it answers in its place (gateway/src/fallback.ts). The end-to-end
 * behaviour with real servers stopped is in degraded.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphQLError, buildASTSchema, isNonNullType, isObjectType, parse, print } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { SUPERGRAPH_FILE, SubgraphFallback, reduceToShared, sharedReferenceSchema, subgraphTimeoutMs, unavailableError, type DirectSend } from '@antt/gateway';

const sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
const reduced = (query: string) => {
  const r = reduceToShared(parse(query));
  return r.reduced && print(r.reduced);
};
const gql = (query: string) => print(parse(query));

describe('reduceToShared', () => {
  it("keeps the unit's shared fields and drops the organization's part and the variables only it used", () => {
    expect(
      reduced(`query Q__infocomm__1($period: ID!) { unit(id: "province:14") { infocomm { activityCounts(periodId: $period) { type count } } name } }`),
    ).toBe(gql(`query Q__infocomm__1 { unit(id: "province:14") { name } }`));
  });

  it("asks for the unit's __typename when nothing shared is left under it, so that a unit that does not exist stays null", () => {
    expect(reduced(`query ($unit: ID!, $p: ID!) { unit(id: $unit) { women { activityCounts(periodId: $p) { count } } } }`)).toBe(
      gql(`query ($unit: ID!) { unit(id: $unit) { __typename } }`),
    );
  });

  it('asks nothing when only the organization answers the root field', () => {
    expect(reduceToShared(parse(`{ infocommActivities { totalCount } }`))).toMatchObject({ reduced: null, operation: 'query', entities: false });
  });

  it('asks nothing for an entity fetch of the organization part only', () => {
    expect(
      reduceToShared(
        parse(
          `query ($representations: [_Any!]!, $p: ID!) { _entities(representations: $representations) { ... on Unit { women { activityCounts(periodId: $p) { count } } } } }`,
        ),
      ),
    ).toMatchObject({ reduced: null, entities: true });
  });

  it("inlines named fragments and keeps the shared parts of an entity fetch, dropping other organizations' types", () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { name ...F } ... on WomenModel { name } } } fragment F on Unit { parent { name women { __typename } } }`;
    expect(reduced(query)).toBe(
      gql(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { name ... on Unit { parent { name } } } } }`),
    );
  });

  it('knows a mutation for what it is (it is never re-sent)', () => {
    expect(reduceToShared(parse(`mutation { recordWomenActivity(input: {}) { id unit { name } } }`)).operation).toBe('mutation');
  });
});

describe('the shared types in the supergraph', () => {
  it('give every field an organization adds to them a nullable type, so that its absence stays local', () => {
    const supergraph = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    const added: string[] = [];
    const nonNull: string[] = [];
    for (const shared of Object.values(sharedReferenceSchema().getTypeMap())) {
      const composed = supergraph.getType(shared.name);
      // The root Query is shared too, but each organization's root fields are its own fetch, not part of a shared object.
      if (!isObjectType(shared) || shared.name === 'Query' || shared.name.startsWith('_') || !isObjectType(composed)) continue;
      for (const f of Object.values(composed.getFields())) {
        if (f.name in shared.getFields()) continue;
        added.push(`${shared.name}.${f.name}`);
        if (isNonNullType(f.type)) nonNull.push(`${shared.name}.${f.name}`);
      }
    }
    expect(added).toContain('Unit.infocomm');
    expect(nonNull).toEqual([]);
  });
});

describe('the query planner', () => {
  it("sends the unit's name to the information department's fetch in the query of the defect", () => {
    const supergraph = Supergraph.build(sdl);
    const op = operationFromDocument(
      supergraph.schema,
      parse(
        `{ unit(id: "province:14") { name women { activityCounts(periodId: "2021-PLAN-Y") { type count } } infocomm { activityCounts(periodId: "2021-PLAN-Y") { type count } } } }`,
      ),
    );
    const fetches: FetchNode[] = [];
    const walk = (n: PlanNode | undefined): void => {
      if (!n) return;
      if (n.kind === 'Fetch') fetches.push(n);
      else if (n.kind === 'Sequence' || n.kind === 'Parallel') n.nodes.forEach(walk);
      else if (n.kind === 'Flatten') walk(n.node);
    };
    walk(new QueryPlanner(supergraph).buildQueryPlan(op).node as PlanNode | undefined);
    // If the planner ever moves the name, the end-to-end test of the defect no longer covers the root case.
    expect(fetches.find((f) => f.serviceName === 'infocomm')?.operation).toMatch(/\bname\b/);
  });
});

describe('unavailableError', () => {
  it('names the organization in Vietnamese, in the message and the extension, never the service behind it', () => {
    for (const [service, name] of [
      ['women', 'Hội Liên hiệp Phụ nữ tỉnh Sơn La'],
      ['reports-internal', 'Một cơ quan trong hệ thống'],
    ]) {
      const e = unavailableError(service!, ['unit', 'x']);
      expect(e.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', organization: name });
      expect(e.message.startsWith(name!)).toBe(true);
      expect(JSON.stringify(e)).not.toContain(service);
    }
  });
});

describe('SubgraphFallback', () => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  const options = (query: string, variables: Record<string, unknown> = {}) =>
    ({ kind: 'incoming operation', request: { query, variables }, incomingRequestContext: {}, context: {} }) as unknown as Parameters<DirectSend>[0];
  function fallbackWith(answers: Record<string, DirectSend>, open: string[] = []) {
    const sent: { to: string; query: string; variables: unknown }[] = [];
    const fb = new SubgraphFallback(sdl);
    for (const name of ['front', 'police', 'veterans', 'women', 'infocomm']) {
      fb.register(
        name,
        async (o) => {
          sent.push({ to: name, query: o.request.query!, variables: o.request.variables });
          const answer = answers[name];
          if (!answer) throw refused;
          return answer(o);
        },
        () => (open.includes(name) ? 'OPEN' : 'CLOSED'),
      );
    }
    return { fb, sent };
  }
  const NAME_AND_WOMEN = `{ unit(id: "province:14") { women { activityCounts(periodId: "2021") { count } } name } }`;
  const sonLa = async () => ({ data: { unit: { name: 'Tỉnh Sơn La' } } });

  it("finds the unit's name behind every organization that is down too, however many", async () => {
    // Three unreachable organizations ahead of the one that answers (the old limit of three gave up here).
    const { fb, sent } = fallbackWith({ infocomm: sonLa });
    const res = await fb.recover('women', options(NAME_AND_WOMEN), refused);
    expect(sent.map((s) => s.to)).toEqual(['front', 'police', 'veterans', 'infocomm']);
    expect(res.data).toEqual({ unit: { name: 'Tỉnh Sơn La', women: null } });
    // What it learnt orders the next search: the one that answered first, those that failed last.
    expect(fb.candidates('women')).toEqual(['infocomm', 'front', 'police', 'veterans']);
  });

  it('asks first the organizations that answered lately, and never those whose circuit is open', async () => {
    const { fb, sent } = fallbackWith({ police: sonLa, veterans: sonLa }, ['front']);
    fb.answered('infocomm');
    fb.answered('veterans');
    expect(fb.candidates('women')).toEqual(['veterans', 'infocomm', 'police']);
    expect((await fb.recover('women', options(NAME_AND_WOMEN), refused)).data).toEqual({ unit: { name: 'Tỉnh Sơn La', women: null } });
    expect(sent.map((s) => s.to)).toEqual(['veterans']);
  });

  it('goes on to the next organization when one answers without data or refuses the caller', async () => {
    const forbidden = new GraphQLError('403: Forbidden', { extensions: { code: 'FORBIDDEN', response: { status: 403 } } });
    const { fb, sent } = fallbackWith({
      front: async () => ({ data: null, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }) as Awaited<ReturnType<DirectSend>>,
      police: async () => Promise.reject(forbidden),
      veterans: sonLa,
    });
    expect((await fb.recover('women', options(NAME_AND_WOMEN), refused)).data).toEqual({ unit: { name: 'Tỉnh Sơn La', women: null } });
    expect(sent.map((s) => s.to)).toEqual(['front', 'police', 'veterans']);
  });

  it('stops seeking once its time budget is spent, leaving the part empty', async () => {
    const fb = new SubgraphFallback(sdl, { budgetMs: 30 });
    const asked: string[] = [];
    const slow: DirectSend = async () => {
      await new Promise((r) => setTimeout(r, 40));
      throw refused;
    };
    for (const name of ['front', 'police', 'veterans']) fb.register(name, (o) => (asked.push(name), name === 'veterans' ? sonLa() : slow(o)));
    const res = await fb.recover('women', options(NAME_AND_WOMEN), refused);
    expect(asked).toEqual(['front']);
    expect(res.data).toEqual({ unit: null });
  });

  it('tries the next subgraph when the first fallback is down too, and nulls the part at its path', async () => {
    const { fb, sent } = fallbackWith({ police: async () => ({ data: { unit: { name: 'Tỉnh Sơn La' } } }) });
    const res = await fb.recover('infocomm', options(`{ unit(id: "province:14") { infocomm { media(periodId: "2021") { count } } name } }`), refused);
    expect(sent.map((s) => s.to)).toEqual(['front', 'police']);
    expect(res).toEqual({
      data: { unit: { name: 'Tỉnh Sơn La', infocomm: null } },
      errors: [
        {
          message: 'Sở Thông tin và Truyền thông tỉnh Sơn La tạm thời không trả lời: phần số liệu này để trống.',
          path: ['unit', 'infocomm'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', organization: 'Sở Thông tin và Truyền thông tỉnh Sơn La' },
        },
      ],
    });
  });

  it('puts no null and no error where @include or @skip left the part out', async () => {
    const { fb } = fallbackWith({ front: async () => ({ data: { unit: { name: 'Tỉnh Sơn La' } } }) });
    const query = `query ($withMedia: Boolean!) { unit(id: "province:14") { name infocomm @include(if: $withMedia) { media(periodId: "2021") { count } } } }`;
    expect(await fb.recover('infocomm', options(query, { withMedia: false }), refused)).toEqual({ data: { unit: { name: 'Tỉnh Sơn La' } } });
    expect((await fb.recover('infocomm', options(query, { withMedia: true }), refused)).errors).toHaveLength(1);
  });

  it('sends only units and organizations of an entity fetch to a healthy subgraph, and keeps each answer and error at its index', async () => {
    const { fb, sent } = fallbackWith({
      front: async () => ({
        data: { _entities: [{ name: 'A' }, null] },
        errors: [{ message: 'x', path: ['_entities', 1], extensions: { code: 'NOT_FOUND' } }],
      }),
    });
    const representations = [
      { __typename: 'WomenModel', id: 'model:women:1' },
      { __typename: 'Unit', id: 'u1' },
      { __typename: 'Unit', id: 'nope' },
    ];
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { name women { __typename } } ... on WomenModel { name } } }`;
    const res = await fb.recover('women', options(query, { representations }), refused);
    expect(sent).toEqual([
      {
        to: 'front',
        query: gql(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { name } } }`),
        variables: { representations: representations.slice(1) },
      },
    ]);
    const error = (path: (string | number)[]) => ({
      message: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La tạm thời không trả lời: phần số liệu này để trống.',
      path,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', organization: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La' },
    });
    expect(res).toEqual({
      data: { _entities: [{ __typename: 'WomenModel', name: null }, { __typename: 'Unit', name: 'A', women: null }, null] },
      errors: [{ message: 'x', path: ['_entities', 2], extensions: { code: 'NOT_FOUND' } }, error(['_entities', 0, 'name']), error(['_entities', 1, 'women'])],
    });
  });

  it('never re-sends a mutation, and says whether it may have run', async () => {
    const { fb, sent } = fallbackWith({ front: async () => ({ data: {} }) });
    const query = `mutation { recordWomenActivity(input: {}) { id } }`;
    expect(await fb.recover('women', options(query), refused)).toEqual({
      data: { recordWomenActivity: null },
      errors: [
        {
          message: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La tạm thời không trả lời: thao tác chưa được thực hiện, hãy gửi lại sau.',
          path: ['recordWomenActivity'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', organization: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La' },
        },
      ],
    });
    const timedOut = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect((await fb.recover('women', options(query), timedOut)).errors?.[0]?.message).toBe(
      'Hội Liên hiệp Phụ nữ tỉnh Sơn La không trả lời: chưa rõ thao tác đã được ghi hay chưa, hãy kiểm tra trước khi gửi lại.',
    );
    expect(sent).toEqual([]);
  });

  it("passes a subgraph's own refusal (4xx) on unchanged, and falls back on a 5xx", async () => {
    const { fb } = fallbackWith({ front: async () => ({ data: { unit: { name: 'Tỉnh Sơn La' } } }) });
    const forbidden = new GraphQLError('403: Forbidden', { extensions: { code: 'FORBIDDEN', response: { status: 403 } } });
    await expect(fb.recover('infocomm', options(`{ unit(id: "province:14") { name } }`), forbidden)).rejects.toBe(forbidden);
    const badGateway = new GraphQLError('502: Bad Gateway', { extensions: { response: { status: 502 } } });
    expect((await fb.recover('infocomm', options(`{ unit(id: "province:14") { name } }`), badGateway)).data).toEqual({ unit: { name: 'Tỉnh Sơn La' } });
  });
});

describe('ANTT_SUBGRAPH_TIMEOUT_MS', () => {
  it('defaults to 15 s, takes whole milliseconds, and refuses anything else', () => {
    expect(subgraphTimeoutMs({})).toBe(15_000);
    expect(subgraphTimeoutMs({ ANTT_SUBGRAPH_TIMEOUT_MS: '2500' })).toBe(2500);
    for (const bad of ['0', '-1', '1.5', 'abc']) expect(() => subgraphTimeoutMs({ ANTT_SUBGRAPH_TIMEOUT_MS: bad })).toThrow(/ANTT_SUBGRAPH_TIMEOUT_MS/);
  });
});
