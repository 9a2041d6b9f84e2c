/**
 * The error contract over HTTP, through the gateway and directly on a subgraph: 401 not signed in,
 * 403 an operation refused whole, 400 a malformed request, 200 with the error on its path for a
 * field or an input refused inside an allowed operation; every message in Vietnamese, no value sent
 * echoed back, no limit's number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINH_THUAN, bearer, dashboard, leadership, staff } from '@antt/testing';
import { post, startFederation, type Federation, type GraphQLResponse } from '../support/federation.js';

let fed: Federation;
const calls: string[] = [];
beforeAll(async () => {
  fed = await startFederation({ onSubgraphCall: (s) => calls.push(s), rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await fed?.stop();
});

const women = () => staff('women', BINH_THUAN);
const RECORD_ACTIVITY = /* GraphQL */ `
  mutation Record($input: RecordWomenActivityInput!) {
    recordWomenActivity(input: $input) {
      id
    }
  }
`;
const RECORD_CASE = /* GraphQL */ `
  mutation RecordCase($input: RecordWomenProtectionCaseInput!) {
    recordWomenProtectionCase(input: $input) {
      id
    }
  }
`;

/** graphql-js's and Apollo's own English phrases, none of which may reach a user. */
const ENGLISH =
  /Cannot query|Unknown argument|was not provided|got invalid value|Expected|Syntax Error|Must provide|cannot represent|Did you mean|Variable "\$|limit of|exceeded|Validation aborted/;

function expectVietnamese(res: Pick<GraphQLResponse, 'errors'>): void {
  expect(res.errors?.length).toBeGreaterThan(0);
  for (const e of res.errors ?? []) {
    expect(e.message).not.toMatch(ENGLISH);
    expect(e.message).not.toMatch(/^Yêu cầu không hợp lệ \(chi tiết bằng tiếng Anh\)/);
  }
}

function codes(res: GraphQLResponse): unknown[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

describe('an operation refused whole answers 403 FORBIDDEN', () => {
  it('refuses a dashboard operation that is not registered', async () => {
    const res = await post(fed.gateway.url, '{ unit(id: "province:14") { name } }', {}, dashboard());
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors?.[0]?.message).toBe('Bảng điều khiển chỉ chạy được các truy vấn đã đăng ký (persisted operations).');
  });

  it("refuses leadership asking for a victim's name at the gateway, before any subgraph is called", async () => {
    calls.length = 0;
    const res = await post(fed.gateway.url, '{ womenProtectionCases { nodes { id victimFullName } } }', {}, leadership());
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors?.[0]?.message).toMatch(/^Bạn không được xem dữ liệu cá nhân nhạy cảm/);
    expect(calls).toEqual([]);
  });

  it('refuses _entities and _service without the gateway secret, fragments included', async () => {
    for (const q of ['{ _service { sdl } }', '{ ... on Query { _entities(representations: [{ __typename: "WomenActivity", id: "1" }]) { __typename } } }']) {
      const res = await post(fed.subgraphs.women.url, q, {}, women());
      expect(res.status).toBe(403);
      expect(res.errors?.[0]).toMatchObject({ message: '_entities và _service chỉ dành cho gateway.', extensions: { code: 'FORBIDDEN' } });
    }
  });
});

describe('a field refused inside an allowed operation answers 200 with the error on its path', () => {
  it('gives leadership, directly on the women subgraph, a refusal on the protected field (200, its path)', async () => {
    const res = await post(fed.subgraphs.women.url, '{ womenProtectionCases { nodes { id victimFullName } } }', {}, leadership());
    expect(res.status).toBe(200);
    // The list is non-null in the schema, so the refusal's null reaches the root.
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['womenProtectionCases'], extensions: { code: 'FORBIDDEN' } });
    expectVietnamese(res);
  });
});

describe('not signed in answers 401', () => {
  it('at the gateway and at a subgraph', async () => {
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const res = await post(url, '{ unit(id: "province:14") { name } }');
      expect(res.status).toBe(401);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expectVietnamese(res);
    }
  });
});

describe('a malformed request answers 400 with a precise code and a Vietnamese message', () => {
  const cases: [string, string, Record<string, unknown>, string, RegExp][] = [
    ['a syntax error', '{ unit(id: "province:14") { name }', {}, 'GRAPHQL_PARSE_FAILED', /^Lỗi cú pháp GraphQL \(dòng 1, cột 35\)/],
    ['an unknown field', '{ unit(id: "province:14") { nme } }', {}, 'GRAPHQL_VALIDATION_FAILED', /^Không có trường "nme" trong kiểu Unit\./],
    [
      'an unknown argument',
      '{ unit(id: "province:14", depth: 2) { name } }',
      {},
      'GRAPHQL_VALIDATION_FAILED',
      /^Trường Query\.unit không có tham số "depth"\./,
    ],
    ['a missing required argument', '{ unit { name } }', {}, 'GRAPHQL_VALIDATION_FAILED', /thiếu tham số bắt buộc "id"/],
    ['an unknown type', 'query($u: Unknown) { unit(id: "province:14") { name } }', {}, 'GRAPHQL_VALIDATION_FAILED', /Không có kiểu "Unknown"/],
    ['an unknown fragment', '{ unit(id: "province:14") { ...Missing } }', {}, 'GRAPHQL_VALIDATION_FAILED', /Không có fragment tên "Missing"/],
    [
      'an unused fragment',
      'query { unit(id: "province:14") { name } } fragment F on Unit { id }',
      {},
      'GRAPHQL_VALIDATION_FAILED',
      /Fragment "F" được khai báo nhưng không dùng/,
    ],
    ['a missing variable', 'query($u: ID!) { unit(id: $u) { name } }', {}, 'BAD_USER_INPUT', /^Thiếu biến \$u \(kiểu ID!\)\.$/],
    ['an undeclared variable', '{ unit(id: $u) { name } }', {}, 'GRAPHQL_VALIDATION_FAILED', /Biến \$u được dùng nhưng chưa khai báo/],
    ['a leaf with a selection', '{ unit(id: "province:14") { name { x } } }', {}, 'GRAPHQL_VALIDATION_FAILED', /không có trường con/],
    [
      'two operations and no operationName',
      'query A { unit(id: "province:14") { name } } query B { unit(id: "province:14") { id } }',
      {},
      'OPERATION_RESOLUTION_FAILURE',
      /hãy ghi operationName/,
    ],
  ];
  it.each(cases)('%s, at the gateway and directly on a subgraph', async (_w, q, vars, code, message) => {
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const who = url === fed.gateway.url ? leadership() : women();
      const res = await post(url, q, vars, who);
      expect(res.status, url).toBe(400);
      expect(codes(res)).toContain(code);
      expect(res.errors?.[0]?.message).toMatch(message);
      expectVietnamese(res);
    }
  });

  it('refuses an unknown operationName with 400', async () => {
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(leadership()) },
      body: JSON.stringify({ query: 'query A { unit(id: "province:14") { name } }', operationName: 'B' }),
    });
    const body = (await res.json()) as GraphQLResponse;
    expect(res.status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Không có thao tác tên "B" trong tài liệu (operationName).',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
  });

  it("refuses the armor's token limit with 400, without the limit's number", async () => {
    calls.length = 0;
    const res = await post(fed.gateway.url, `{ unit(id: "province:14") { ${Array.from({ length: 4500 }, () => 'name').join(' ')} } }`, {}, leadership());
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.errors?.[0]?.message).toMatch(/truy vấn quá dài/);
    expect(res.errors?.[0]?.message).not.toMatch(/4000|4 000|4\.000/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['depth', `{ unit(id: "province:14") { ${'children { '.repeat(14)}id${' }'.repeat(14)} } }`, /lồng quá sâu/],
    ['aliases', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: unit(id: "province:14") { name }`).join(' ')} }`, /bí danh/],
    ['directives', `{ unit(id: "province:14") { name ${'@include(if: true) '.repeat(40)} } }`, /chỉ thị/],
  ])("refuses the armor's %s limit with 400, without its number", async (_w, q, message) => {
    const res = await post(fed.gateway.url, q, {}, leadership());
    expect(res.status).toBe(400);
    expect(new Set(codes(res))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(message);
    for (const e of res.errors ?? []) expect(e.message).not.toMatch(/\d/);
    expectVietnamese(res);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(leadership()) },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphQLResponse).errors?.[0]).toMatchObject({
      message: 'Yêu cầu không đúng định dạng JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses a simple cross-site request with 400 and says why in Vietnamese', async () => {
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: await bearer(leadership()) },
      body: JSON.stringify({ query: '{ unit(id: "province:14") { name } }' }),
    });
    const body = (await res.json()) as GraphQLResponse;
    expect(res.status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/CSRF/);
    expectVietnamese(body);
  });
});

describe('a date typed the Vietnamese way', () => {
  const input = { type: 'MEETING', topic: 'Tuyên truyền', date: '10/09/2025', unitId: BINH_THUAN, participants: 30 };

  it('is refused by the gateway itself with 400 and the same message as the subgraph gives', async () => {
    calls.length = 0;
    const viaGateway = await post(fed.gateway.url, RECORD_ACTIVITY, { input }, women());
    expect(calls).toEqual([]);
    const direct = await post(fed.subgraphs.women.url, RECORD_ACTIVITY, { input }, women());
    for (const res of [viaGateway, direct]) {
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.date', reason: 'INVALID_DATE' } });
      expect(res.errors?.[0]?.message).toMatch(/^input\.date: ngày phải có dạng YYYY-MM-DD/);
      expect(res.errors?.[0]?.message).not.toContain('10/09/2025');
    }
    expect(viaGateway.errors?.[0]?.message).toBe(direct.errors?.[0]?.message);
  });

  it('written in the query itself is refused with 400 and no echo of the value', async () => {
    const q = `mutation { recordWomenActivity(input: { type: MEETING, topic: "x", date: "10/09/2025", unitId: "${BINH_THUAN}", participants: 3 }) { id } }`;
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const res = await post(url, q, {}, women());
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toMatch(/^Giá trị ghi trong truy vấn không đúng kiểu Date!: ngày phải có dạng YYYY-MM-DD/);
      expect(res.errors?.[0]?.message).not.toContain('10/09/2025');
    }
  });
});

describe('inputs', () => {
  it('reports all three bad fields of an input at once, with the data of the rest (200, on its path)', async () => {
    const input = { type: 'MEETING', topic: '  ', date: '2099-01-01', unitId: BINH_THUAN, participants: -3 };
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const res = await post(url, RECORD_ACTIVITY, { input }, women());
      expect(res.status).toBe(200);
      expect(res.errors).toHaveLength(1);
      const e = res.errors![0]!;
      expect(e.path).toEqual(['recordWomenActivity']);
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.topic', reason: 'REQUIRED' });
      expect((e.extensions?.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.topic', 'input.date', 'input.participants']);
      expect(e.message).toMatch(/^Dữ liệu nhập có 3 chỗ cần sửa: input\.topic: .* input\.date: .* input\.participants: /);
    }
  });

  it("never repeats a victim's name and phone sent in a wrongly typed variable", async () => {
    const input = {
      openedOn: '2025-09-10',
      unitId: BINH_THUAN,
      kind: 'BEATING',
      victimIsChild: 'không',
      victimFullName: 'Lò Thị Mai',
      victimContact: '0912345678',
      victimYearOfBirth: 'năm 1990',
    };
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const res = await post(url, RECORD_CASE, { input }, women());
      expect(res.status).toBe(400);
      const text = JSON.stringify(res);
      for (const secret of ['Lò Thị Mai', '0912345678', 'năm 1990', 'BEATING', 'không"']) expect(text).not.toContain(secret);
      expect(res.errors?.map((e) => e.extensions?.field)).toEqual(['input.kind', 'input.victimIsChild', 'input.victimYearOfBirth']);
      expect(res.errors?.map((e) => e.message)).toEqual([
        'input.kind: không có trong danh mục ProtectionCaseKind.',
        'input.victimIsChild: phải là true hoặc false.',
        'input.victimYearOfBirth: phải là số nguyên.',
      ]);
      expectVietnamese(res);
    }
  });

  it('names a missing field of an input and a field the input does not have', async () => {
    const res = await post(
      fed.gateway.url,
      RECORD_ACTIVITY,
      { input: { type: 'MEETING', date: '2025-09-10', unitId: BINH_THUAN, participants: 3, phone: '0912345678' } },
      women(),
    );
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions?.field).sort()).toEqual(['input.phone', 'input.topic']);
    expect(JSON.stringify(res)).not.toContain('0912345678');
    expectVietnamese(res);
  });
});
