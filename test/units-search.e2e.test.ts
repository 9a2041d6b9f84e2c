/**
 * Two questions every page asks first, over HTTP through the gateway: which unit is this name (with or
 * without diacritics), and what is my jurisdiction. Both are shared reference fields, answered the same
 * by every subgraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '@antt/subgraph-kit';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, dashboard, leadership, staff } from '@antt/testing';
import { readDashboardOperations } from '@antt/gateway';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(async () => {
  await fed?.stop();
});

const SEARCH = /* GraphQL */ `
  query ($text: String!, $on: Date, $first: Int) {
    searchUnits(text: $text, on: $on, first: $first) {
      id
      name
      level
    }
  }
`;
type Found = { searchUnits: { id: string; name: string; level: string }[] };

describe('searchUnits', () => {
  it('folds Vietnamese as people type it', () => {
    expect(foldVietnamese('  Phường  Chiềng Lề ')).toBe('phuong chieng le');
    expect(foldVietnamese('Đoàn Kết')).toBe('doan ket');
  });

  it('finds Chiềng Lề typed without diacritics, and with them, on the map of the date', async () => {
    for (const text of ['chieng le', 'Chiềng Lề', 'CHIENG LE']) {
      const res = await post<Found>(fed.gateway.url, SEARCH, { text, on: '2024-06-01' }, leadership());
      expect(res.errors).toBeUndefined();
      expect(res.data!.searchUnits.map((u) => u.name)).toContain('Phường Chiềng Lề');
      expect(res.data!.searchUnits.find((u) => u.name === 'Phường Chiềng Lề')!.id).toBe('commune:03646@2019');
    }
    // Phường Chiềng Lề ended on 30 June 2025 (it is part of Phường Tô Hiệu now).
    const today = await post<Found>(fed.gateway.url, SEARCH, { text: 'chieng le', on: '2025-08-01' }, leadership());
    expect(today.data!.searchUnits.map((u) => u.name)).not.toContain('Phường Chiềng Lề');
  });

  it('matches at the start of a word only, lists by level, and bounds its answer', async () => {
    const res = await post<Found>(fed.gateway.url, SEARCH, { text: 'thuan chau', on: '2024-06-01' }, leadership());
    expect(res.data!.searchUnits[0]).toMatchObject({ name: 'Huyện Thuận Châu', level: 'DISTRICT' });
    const inWord = await post<Found>(fed.gateway.url, SEARCH, { text: 'huan chau', on: '2024-06-01' }, leadership());
    expect(inWord.data!.searchUnits).toEqual([]);
    const few = await post<Found>(fed.gateway.url, SEARCH, { text: 'chieng', on: '2024-06-01', first: 3 }, leadership());
    expect(few.data!.searchUnits).toHaveLength(3);
    const short = await post(fed.gateway.url, SEARCH, { text: 'c' }, leadership());
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0]?.message).toMatch(/ít nhất 2 chữ/);
  });

  it('is a registered operation a dashboard may run', async () => {
    const op = readDashboardOperations().find((o) => o.name === 'DashboardSearchUnits')!;
    const res = await post<Found>(fed.gateway.url, op.body, { text: 'binh thuan', on: '2025-08-01' }, dashboard());
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchUnits.map((u) => u.id)).toContain(BINH_THUAN);
  });
});

describe('myJurisdiction', () => {
  const MINE = /* GraphQL */ `
    {
      myJurisdiction {
        unit {
          id
        }
        units {
          id
        }
        organization {
          id
        }
        standing
        roles
        postEnds
        registeredOperationsOnly
      }
    }
  `;
  type Mine = {
    myJurisdiction: {
      unit: { id: string };
      units: { id: string }[];
      organization: { id: string } | null;
      standing: string;
      roles: string[];
      postEnds: string | null;
      registeredOperationsOnly: boolean;
    };
  };

  it('gives provincial leadership the province and its standing', async () => {
    const res = await post<Mine>(fed.gateway.url, MINE, {}, leadership());
    expect(res.errors).toBeUndefined();
    expect(res.data!.myJurisdiction).toMatchObject({
      unit: { id: PROVINCE },
      organization: null,
      standing: 'PROVINCIAL_LEADERSHIP',
      roles: ['LEADERSHIP'],
      postEnds: null,
      registeredOperationsOnly: false,
    });
  });

  it('gives commune staff of an old commune their post, the units it continued as, and its end', async () => {
    const res = await post<Mine>(fed.gateway.url, MINE, {}, staff('women', CHIENG_PHA));
    const mine = res.data!.myJurisdiction;
    expect(mine).toMatchObject({ unit: { id: CHIENG_PHA }, organization: { id: 'women' }, standing: 'ORGANIZATION_STAFF', postEnds: '2025-06-30' });
    expect(mine.units[0]!.id).toBe(CHIENG_PHA);
  });

  it('tells a dashboard, through its registered operation, that it runs registered operations only', async () => {
    const op = readDashboardOperations().find((o) => o.name === 'DashboardUnitNavigation')!;
    const res = await post<{ myJurisdiction: { standing: string; registeredOperationsOnly: boolean }; unit: { children: unknown[] } }>(
      fed.gateway.url,
      op.body,
      { unit: PROVINCE, on: '2024-06-01' },
      dashboard(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.myJurisdiction).toMatchObject({ standing: 'DASHBOARD', registeredOperationsOnly: true });
    expect(res.data!.unit.children).toHaveLength(12);
  });
});
