/** The error contract's pieces that HTTP cannot easily reach: a mislabelled internal fault, a subgraph's 4xx. */
import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { formatError } from '@antt/subgraph-kit';
import { subgraphClientError } from '@antt/gateway';

describe('formatError', () => {
  it('masks a database error that a plugin labelled as a validation failure', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sqlite = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
    const wrapped = new GraphQLError('database is locked', { originalError: sqlite, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const out = formatError({ message: wrapped.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped);
    expect(out).toEqual({
      message: 'Lỗi hệ thống: yêu cầu chưa thực hiện được. Vui lòng thử lại hoặc báo quản trị viên.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    spy.mockRestore();
  });
});

describe("a subgraph's 4xx through the gateway", () => {
  const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('keeps the code, field and message of its errors, and nothing else', async () => {
    const e = await subgraphClientError(
      answer(400, {
        errors: [
          {
            message: 'input.date: ngày phải có dạng YYYY-MM-DD.',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.date', reason: 'INVALID_DATE', stacktrace: ['at /work/x.ts'] },
          },
        ],
      }),
    );
    expect(e?.message).toBe('input.date: ngày phải có dạng YYYY-MM-DD.');
    expect(e?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date', reason: 'INVALID_DATE' });
  });

  it('joins several errors into one listing every problem', async () => {
    const e = await subgraphClientError(
      answer(400, {
        errors: [
          { message: 'input.a: x.', extensions: { code: 'BAD_USER_INPUT', field: 'input.a' } },
          { message: 'input.b: y.', extensions: { code: 'BAD_USER_INPUT', field: 'input.b' } },
        ],
      }),
    );
    expect(e?.message).toBe('input.a: x. input.b: y.');
    expect(e?.extensions.problems).toEqual([
      { field: 'input.a', message: 'input.a: x.' },
      { field: 'input.b', message: 'input.b: y.' },
    ]);
  });

  it('leaves a 5xx, a body without our codes, or a body that is not JSON to the masked default', async () => {
    expect(await subgraphClientError(answer(500, { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] }))).toBeNull();
    expect(await subgraphClientError(answer(400, { errors: [{ message: 'SqliteError', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }))).toBeNull();
    expect(await subgraphClientError(new Response('oops', { status: 400 }))).toBeNull();
  });
});
