import { describe, expect, it } from 'vitest';
import { branchAt, branchById, nearestBranch, responsibleBody, responsibleBodyById, territory, unitId, ORGANIZATIONS } from '../src/index.js';

describe('organizations and their branches', () => {
  it('names nine organizations in Vietnamese and English', () => {
    expect(Object.keys(ORGANIZATIONS)).toEqual(['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm']);
    expect(ORGANIZATIONS.women).toMatchObject({ nameVi: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La', nameEn: "Women's Union of Sơn La province" });
  });

  it('gives each organization a branch in a commune, named after it', () => {
    const pha = territory().unit(unitId.oldCommune('03730'))!;
    expect(branchAt('farmers', pha)).toEqual({
      id: 'farmers@commune:03730@2019',
      organization: 'farmers',
      unitId: 'commune:03730@2019',
      name: 'Hội Nông dân Xã Chiềng Pha',
      validFrom: '2013-06-11',
      validTo: '2025-01-31',
    });
    expect(branchById('farmers@commune:03730@2019')?.name).toBe('Hội Nông dân Xã Chiềng Pha');
    expect(branchById('nobody@commune:03730@2019')).toBeNull();
  });

  it('closes district police on 1 March 2025, before the districts themselves', () => {
    const district = territory().unit(unitId.districtFeb2025('119'))!;
    expect(branchAt('police', district)?.validTo).toBe('2025-02-28');
    expect(nearestBranch('police', unitId.districtFeb2025('119'), '2025-04-01')?.id).toBe('police@province:14');
  });

  it('records that the Department of Information and Communications was merged on 1 March 2025', () => {
    expect(ORGANIZATIONS.infocomm).toMatchObject({ validTo: '2025-02-28', successor: { nameVi: 'Sở Khoa học và Công nghệ tỉnh Sơn La', from: '2025-03-01' } });
  });

  it('finds the branch that ran an activity: the commune branch, else the nearest one above', () => {
    const area = territory().childrenOn(unitId.oldCommune('03730'), '2021-01-01')[0]!;
    expect(nearestBranch('women', area.id, '2021-08-10')?.id).toBe('women@commune:03730@2019');
    expect(nearestBranch('labour', area.id, '2021-08-10')?.id).toBe('labour@district:119@2019');
    expect(nearestBranch('labour', area.id, '2026-01-10')?.id).toBe('labour@province:14');
  });

  it('attributes a record to the Department of Information and Communications up to 28 February 2025 and to its successor from 1 March', () => {
    expect(responsibleBody('infocomm', '2025-02-28')).toMatchObject({ id: 'infocomm', nameVi: 'Sở Thông tin và Truyền thông tỉnh Sơn La', successor: false });
    expect(responsibleBody('infocomm', '2025-03-01')).toMatchObject({
      id: 'infocomm:successor',
      nameVi: 'Sở Khoa học và Công nghệ tỉnh Sơn La',
      successor: true,
    });
    expect(responsibleBodyById('infocomm', 'infocomm:successor').nameEn).toBe('Sơn La Department of Science and Technology');
    // Organizations without a successor answer for themselves whatever the date.
    expect(responsibleBody('women', '2030-01-01').id).toBe('women');
  });
});
