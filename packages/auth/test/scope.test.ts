import { describe, expect, it } from 'vitest';
import { Scope } from '../src/index.js';

const binhThuanWomen = new Scope({ userId: 'u', name: 'u', organization: 'women', unitId: 'commune:03724@2025', roles: ['STAFF'] });
const lead = new Scope({ userId: 'l', name: 'l', organization: 'province', unitId: 'province:14', roles: ['LEADERSHIP'] });
const dash = new Scope({ userId: 'd', name: 'd', organization: 'province', unitId: 'province:14', roles: ['DASHBOARD'] });

describe('the caller’s scope', () => {
  it('covers a new commune, the old communes it was formed from, and their areas, and nothing else', () => {
    expect(binhThuanWomen.coversUnit('commune:03724@2025')).toBe(true);
    expect(binhThuanWomen.coversUnit('commune:03730@2019')).toBe(true);
    expect(binhThuanWomen.coversUnit('area:03730-01')).toBe(true);
    expect(binhThuanWomen.coversUnit('district:119@2019')).toBe(false);
    expect(binhThuanWomen.coversUnit('commune:03646@2025')).toBe(false);
  });

  it('lets staff read and write only their own organization; leadership reads all and writes none; dashboards read counts', () => {
    expect([
      binhThuanWomen.canReadRecords('women'),
      binhThuanWomen.canWrite('women'),
      binhThuanWomen.canReadRecords('police'),
      binhThuanWomen.canWrite('police'),
    ]).toEqual([true, true, false, false]);
    expect([lead.canReadRecords('police'), lead.canReadAggregates('police'), lead.canWrite('police')]).toEqual([true, true, false]);
    expect([dash.canReadRecords('women'), dash.canReadAggregates('women'), dash.canWrite('women')]).toEqual([false, true, false]);
  });

  it('refuses with FORBIDDEN and a message in Vietnamese', () => {
    expect(() => binhThuanWomen.assertCanWrite('women', 'commune:03646@2025')).toThrowError('Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.');
    expect(() => binhThuanWomen.assertCanWrite('police', 'commune:03724@2025')).toThrowError(
      'Chỉ cán bộ của Công an tỉnh Sơn La mới được ghi hồ sơ của tổ chức này.',
    );
  });
});
