/** Reading a GraphQL result in a test: the field of a success, or the error of a refusal. */
import { expect } from 'vitest';

type Data = Record<string, unknown>;

/** The single field of a successful result (fails the test on errors). */
export function ok<T = Data>(res: { data?: unknown; errors?: readonly { message: string }[] }, field: string): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return (res.data as Data)[field] as T;
}

/** The error of a refused call, with nothing returned. */
export function refused(res: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(res.errors?.length, 'an error').toBeGreaterThan(0);
  return res.errors![0]!;
}
