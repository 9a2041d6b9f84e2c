import { describe, expect, it } from 'vitest';
import { territory, unitId } from '../src/index.js';

const t = territory();

describe('the territory of Sơn La', () => {
  it('has the province, 12 districts and 200 communes before the reform', () => {
    expect(t.unitsOn('2021-05-26', 'PROVINCE').map((u) => u.name)).toEqual(['Tỉnh Sơn La']);
    expect(t.unitsOn('2021-05-26', 'DISTRICT')).toHaveLength(12);
    expect(t.unitsOn('2025-06-30', 'COMMUNE')).toHaveLength(200);
  });

  it('has 75 communes (67 xã, 8 phường) and no districts after 1 July 2025', () => {
    const communes = t.unitsOn('2025-07-01', 'COMMUNE');
    expect(communes).toHaveLength(75);
    expect(communes.filter((c) => c.kind === 'Phường')).toHaveLength(8);
    expect(t.unitsOn('2025-07-01', 'DISTRICT')).toEqual([]);
    expect(t.parentOn(unitId.newCommune('03724'))?.id).toBe(unitId.province('14'));
  });

  it('keeps a reused GSO code apart: 03646 was Phường Chiềng Lề and is Phường Tô Hiệu', () => {
    expect(t.unitsByCode('03646').map((u) => [u.id, u.name, u.validFrom, u.validTo])).toEqual([
      ['commune:03646@2019', 'Phường Chiềng Lề', '2019-01-01', '2025-06-30'],
      ['commune:03646@2025', 'Phường Tô Hiệu', '2025-07-01', null],
    ]);
  });

  it('records the lineage: Xã Chiềng Pha went fully into Xã Bình Thuận', () => {
    expect(t.successors(unitId.oldCommune('03730'))).toEqual([
      {
        predecessor: 'commune:03730@2019',
        successor: 'commune:03724@2025',
        part: 'FULL',
        primary: true,
        effective: '2025-07-01',
        legalBasis: 'Nghị quyết 1681/NQ-UBTVQH15 ngày 16/6/2025',
      },
    ]);
    expect(
      t
        .predecessors(unitId.newCommune('03724'))
        .map((l) => l.predecessor)
        .sort(),
    ).toEqual(['commune:03724@2019', 'commune:03730@2019']);
    expect(t.currentUnit(unitId.oldCommune('03730'), '2026-01-01')?.name).toBe('Xã Bình Thuận');
    expect(t.currentUnit(unitId.oldCommune('03730'), '2024-01-01')?.name).toBe('Xã Chiềng Pha');
    expect(t.currentUnit(unitId.district('119'), '2026-01-01')).toBeNull();
  });

  it('splits a partially divided commune between its successors, counting its commune-level records once', () => {
    const links = t.successors(unitId.oldCommune('04111'));
    expect(links.map((l) => [l.successor, l.part, l.primary])).toEqual([
      ['commune:03943@2025', 'PARTIAL', true],
      ['commune:04123@2025', 'PARTIAL', false],
    ]);
    expect(t.covers(unitId.newCommune('03943'), unitId.oldCommune('04111'))).toBe(true);
    expect(t.covers(unitId.newCommune('04123'), unitId.oldCommune('04111'))).toBe(false);
    // Its residential areas went to one successor or the other, and count there.
    const areas = t.childrenOn(unitId.oldCommune('04111'), '2025-06-30');
    const newParents = new Set(areas.map((a) => t.parentOn(a.id, '2025-07-01')?.id));
    expect(newParents).toEqual(new Set(['commune:03943@2025', 'commune:04123@2025']));
    for (const a of areas) expect(t.covers(t.parentOn(a.id, '2025-07-01')!.id, a.id)).toBe(true);
  });

  it('maps every one of the 200 old communes to at least one new commune', () => {
    for (const c of t.unitsOn('2025-06-30', 'COMMUNE')) expect(t.successors(c.id).length).toBeGreaterThan(0);
  });

  it('rolls records up on both maps: a record in Chiềng Pha counts for Thuận Châu, Bình Thuận and the province', () => {
    const pha = unitId.oldCommune('03730');
    expect(t.covers(unitId.district('119'), pha)).toBe(true);
    expect(t.covers(unitId.newCommune('03724'), pha)).toBe(true);
    expect(t.covers(unitId.province('14'), pha)).toBe(true);
    expect(t.covers(unitId.district('116'), pha)).toBe(false);
    expect(t.covers(unitId.newCommune('03646'), pha)).toBe(false);
  });

  it('generates demo residential areas that live across the reform and are marked as demo data', () => {
    const areas = t.childrenOn(unitId.oldCommune('03730'), '2021-01-01');
    expect(areas.length).toBeGreaterThanOrEqual(4);
    for (const a of areas) {
      expect(a).toMatchObject({ level: 'RESIDENTIAL_AREA', kind: 'Bản', demo: true, validTo: null });
      expect(t.parentOn(a.id, '2021-01-01')?.id).toBe(unitId.oldCommune('03730'));
      expect(t.parentOn(a.id, '2026-01-01')?.id).toBe(unitId.newCommune('03724'));
    }
    expect(t.childrenOn(unitId.oldCommune('03646'), '2021-01-01')[0]?.kind).toBe('Tổ dân phố');
  });

  it('gives the same demo areas on every build (they are seeded)', () => {
    expect(t.childrenOn(unitId.oldCommune('03730'), '2021-01-01').map((a) => a.name)).toMatchInlineSnapshot(`
      [
        "Bản Mòn Mạt",
        "Bản Mòn Chảy",
        "Bản Lọng Bon",
        "Bản Pá Chảy",
        "Bản Nậm Hay",
        "Bản Mòn Sản",
        "Bản Bó Sản",
        "Bản Co Phát",
        "Bản Phiêng Sản",
        "Bản Tà Lếch",
      ]
    `);
  });
});
