/** Which texts the gateway takes as registered dashboard operations (gateway/src/dashboard-operations.ts), asked again and again. */
import { describe, expect, it } from 'vitest';
import { isRegistered, loadDashboardOperations } from '@antt/gateway';

describe('isRegistered', () => {
  const ops = loadDashboardOperations();
  const body = [...ops.values()].find((q) => q.includes('DashboardPeriods'))!;

  it('takes a registered text verbatim or laid out otherwise, and nothing else, the same on every call', () => {
    const relaid = body.replace(/ /g, '   ');
    for (let i = 0; i < 3; i++) {
      expect(isRegistered(ops, body)).toBe(true);
      expect(isRegistered(ops, relaid)).toBe(true);
      expect(isRegistered(ops, '{ __typename }')).toBe(false);
      expect(isRegistered(ops, '{ not graphql')).toBe(false);
    }
  });

  it('answers for its own list: a text listed in one is not taken for another', () => {
    const empty = new Map<string, string>();
    expect(isRegistered(ops, body)).toBe(true);
    expect(isRegistered(empty, body)).toBe(false);
  });

  it('keeps answering right past the bound on the texts it keeps', () => {
    for (let i = 0; i < 1500; i++) expect(isRegistered(ops, `{ a${i}: __typename }`)).toBe(false);
    expect(isRegistered(ops, body)).toBe(true);
  });
});
