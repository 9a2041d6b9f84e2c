import { describe, expect, it } from 'vitest';
import { territory, unitId } from '../src/index.js';

const t = territory();

describe('the territory of Sơn La', () => {
  // Every figure below is pinned by hand from the published lists, not computed from the lineage file.
  it('has the province, 12 districts and 204 communes on the map of 2021', () => {
    expect(t.unitsOn('2021-05-26', 'PROVINCE').map((u) => u.name)).toEqual(['Tỉnh Sơn La']);
    expect(t.unitsOn('2021-05-26', 'DISTRICT')).toHaveLength(12);
    expect(t.unitsOn('2021-05-26', 'COMMUNE')).toHaveLength(204);
    expect(t.unitsOn('2025-01-31', 'COMMUNE')).toHaveLength(204);
    expect(t.unit(unitId.district('123'))?.name).toBe('Huyện Mộc Châu');
    expect(t.unit(unitId.oldCommune('03898'))?.name).toBe('Thị trấn Phù Yên');
  });

  it('has 12 districts (Thị xã Mộc Châu) and 200 communes on the map of 1 March 2025', () => {
    expect(t.unitsOn('2025-03-01', 'DISTRICT')).toHaveLength(12);
    expect(t.unitsOn('2025-03-01', 'COMMUNE')).toHaveLength(200);
    expect(t.unitsOn('2025-06-30', 'COMMUNE')).toHaveLength(200);
    expect(t.unit(unitId.districtFeb2025('123'))?.name).toBe('Thị xã Mộc Châu');
    expect(t.unit(unitId.febCommune('03910'))?.name).toBe('Thị trấn Quang Huy');
  });

  it('has 75 communes (67 xã, 8 phường) and no districts on the map of 1 July 2025', () => {
    const communes = t.unitsOn('2025-07-01', 'COMMUNE');
    expect(communes).toHaveLength(75);
    expect(communes.filter((c) => c.kind === 'Phường')).toHaveLength(8);
    expect(t.unitsOn('2025-07-01', 'DISTRICT')).toEqual([]);
    expect(t.parentOn(unitId.newCommune('03724'))?.id).toBe(unitId.province('14'));
    expect(t.unit(unitId.newCommune('03910'))?.name).toBe('Xã Phù Yên');
  });

  it('keeps a reused GSO code apart: 03646 was Phường Chiềng Lề and is Phường Tô Hiệu', () => {
    expect(t.unitsByCode('03646').map((u) => [u.id, u.name, u.validFrom, u.validTo])).toEqual([
      ['commune:03646@2019', 'Phường Chiềng Lề', '2013-06-11', '2025-01-31'],
      ['commune:03646@2025-02', 'Phường Chiềng Lề', '2025-02-01', '2025-06-30'],
      ['commune:03646@2025', 'Phường Tô Hiệu', '2025-07-01', null],
    ]);
  });

  it('rolls a 2021 record of Thị trấn Phù Yên up to Thị trấn Quang Huy (March 2025) and Xã Phù Yên (July 2025)', () => {
    const phuYen = unitId.oldCommune('03898');
    expect(t.covers(unitId.febCommune('03910'), phuYen)).toBe(true);
    expect(t.covers(unitId.newCommune('03910'), phuYen)).toBe(true);
    expect(t.covers(unitId.district('122'), phuYen)).toBe(true);
    expect(t.covers(unitId.districtFeb2025('122'), phuYen)).toBe(true);
    expect(t.covers(unitId.province('14'), phuYen)).toBe(true);
    expect(t.currentUnit(phuYen, '2025-03-01')?.name).toBe('Thị trấn Quang Huy');
    expect(t.currentUnit(phuYen, '2026-01-01')?.name).toBe('Xã Phù Yên');
  });

  it('rolls a 2021 record of Xã Chiềng Ly up to Xã Thuận Châu (July 2025); in March 2025 it was split, so it is listed for staff', () => {
    const chiengLy = unitId.oldCommune('03751');
    expect(t.unit(chiengLy)?.name).toBe('Xã Chiềng Ly');
    expect(t.unit(unitId.newCommune('03721'))?.name).toBe('Xã Thuận Châu');
    expect(t.covers(unitId.newCommune('03721'), chiengLy)).toBe(true);
    // Split between Thị trấn Thuận Châu and Xã Phổng Ly: neither commune counts its commune-level records…
    expect(t.successors(chiengLy).map((l) => [l.successor, l.part])).toEqual([
      ['commune:03721@2025-02', 'PARTIAL'],
      ['commune:03748@2025-02', 'PARTIAL'],
    ]);
    expect(t.covers(unitId.febCommune('03721'), chiengLy)).toBe(false);
    expect(t.covers(unitId.febCommune('03748'), chiengLy)).toBe(false);
    // …both list them for staff to assign, and the district holding both counts them.
    expect(t.toAssign(unitId.febCommune('03721'))).toContain(chiengLy);
    expect(t.toAssign(unitId.febCommune('03748'))).toContain(chiengLy);
    expect(t.covers(unitId.districtFeb2025('119'), chiengLy)).toBe(true);
    expect(t.currentUnit(chiengLy, '2025-03-01')).toBeNull();
    // Its residential areas follow their own commune and count there.
    for (const a of t.childrenOn(chiengLy, '2021-01-01')) expect(t.covers(t.parentOn(a.id, '2025-03-01')!.id, a.id)).toBe(true);
  });

  it('records the lineage: Xã Chiềng Pha went unchanged into February 2025, then fully into Xã Bình Thuận', () => {
    expect(t.successors(unitId.oldCommune('03730'))).toEqual([
      {
        predecessor: 'commune:03730@2019',
        successor: 'commune:03730@2025-02',
        part: 'FULL',
        effective: '2025-02-01',
        legalBasis: 'Nghị quyết 1280/NQ-UBTVQH15 ngày 14/11/2024',
      },
    ]);
    expect(t.successors(unitId.febCommune('03730'))).toEqual([
      {
        predecessor: 'commune:03730@2025-02',
        successor: 'commune:03724@2025',
        part: 'FULL',
        effective: '2025-07-01',
        legalBasis: 'Nghị quyết 1681/NQ-UBTVQH15 ngày 16/6/2025',
      },
    ]);
    expect(t.currentUnit(unitId.oldCommune('03730'), '2026-01-01')?.name).toBe('Xã Bình Thuận');
    expect(t.currentUnit(unitId.oldCommune('03730'), '2024-01-01')?.name).toBe('Xã Chiềng Pha');
    expect(t.currentUnit(unitId.district('119'), '2026-01-01')).toBeNull();
  });

  it('splits a partially divided commune by residential area; its commune-level records go to no single successor', () => {
    const links = t.successors(unitId.febCommune('04111'));
    expect(links.map((l) => [l.successor, l.part])).toEqual([
      ['commune:03943@2025', 'PARTIAL'],
      ['commune:04123@2025', 'PARTIAL'],
    ]);
    expect(t.covers(unitId.newCommune('03943'), unitId.febCommune('04111'))).toBe(false);
    expect(t.covers(unitId.newCommune('04123'), unitId.febCommune('04111'))).toBe(false);
    expect(t.covers(unitId.newCommune('03943'), unitId.oldCommune('04111'))).toBe(false);
    expect(t.toAssign(unitId.newCommune('04123'))).toEqual(['commune:04111@2019', 'commune:04111@2025-02']);
    expect(t.covers(unitId.province('14'), unitId.febCommune('04111'))).toBe(true);
    const areas = t.childrenOn(unitId.oldCommune('04111'), '2021-01-01');
    const newParents = new Set(areas.map((a) => t.parentOn(a.id, '2025-07-01')?.id));
    expect(newParents).toEqual(new Set(['commune:03943@2025', 'commune:04123@2025']));
    for (const a of areas) expect(t.covers(t.parentOn(a.id, '2025-07-01')!.id, a.id)).toBe(true);
  });

  it('maps every commune of the two earlier maps to at least one commune of the next', () => {
    for (const c of t.unitsOn('2021-05-26', 'COMMUNE')) expect(t.successors(c.id).length, c.id).toBeGreaterThan(0);
    for (const c of t.unitsOn('2025-06-30', 'COMMUNE')) expect(t.successors(c.id).length, c.id).toBeGreaterThan(0);
  });

  it('rolls records up on every map: a record in Chiềng Pha counts for Thuận Châu, Bình Thuận and the province', () => {
    const pha = unitId.oldCommune('03730');
    expect(t.covers(unitId.district('119'), pha)).toBe(true);
    expect(t.covers(unitId.newCommune('03724'), pha)).toBe(true);
    expect(t.covers(unitId.province('14'), pha)).toBe(true);
    expect(t.covers(unitId.district('116'), pha)).toBe(false);
    expect(t.covers(unitId.newCommune('03646'), pha)).toBe(false);
  });

  it('answers for the days a unit existed, and names its successors; an abolished unit asked about a later period has no figures', () => {
    expect(t.inPeriod(unitId.district('119'), '2024-12-10', '2025-06-09')).toMatchObject({
      map: '2025-02',
      from: '2024-12-10',
      to: '2025-01-31',
      whole: false,
      ceasedOn: '2025-01-31',
      successors: ['district:119@2025-02'],
    });
    const later = t.inPeriod(unitId.districtFeb2025('119'), '2025-12-10', '2026-06-09')!;
    expect(later).toMatchObject({ map: '2025-07', from: null, to: null, ceasedOn: '2025-06-30' });
    expect(later.successors).toContain('commune:03721@2025');
    expect(later.noteVi).toContain('Xã Thuận Châu');
    expect(t.inPeriod(unitId.newCommune('03724'), '2020-12-10', '2021-12-09')).toMatchObject({
      map: '2013-2025',
      from: '2020-12-10',
      to: '2021-12-09',
      whole: true,
    });
  });

  it('answers a period that spans 1 July 2025 on its last day’s map: a March 2025 commune for its days, with its successor', () => {
    // Hand-pinned: Thị trấn Quang Huy (03910, map of 1 February 2025) became Xã Phù Yên (03910) on 1 July 2025.
    const quangHuy = unitId.febCommune('03910');
    const p = t.inPeriod(quangHuy, '2025-06-10', '2025-12-09')!;
    expect(p).toMatchObject({ map: '2025-07', from: '2025-06-10', to: '2025-06-30', whole: false, ceasedOn: '2025-06-30' });
    expect(p.successors).toEqual([unitId.newCommune('03910')]);
    // Its successor answers for the whole period on that map.
    expect(t.inPeriod(unitId.newCommune('03910'), '2025-07-01', '2025-12-09')).toMatchObject({ map: '2025-07', whole: true });
  });

  it('accepts an id of the earlier release for a commune that exists only from 1 February 2025, as an alias', () => {
    expect(t.unit('commune:03980@2019')?.id).toBe('commune:03980@2025-02');
    expect(t.unit('commune:03980@2019')?.name).toBe('Phường Mộc Lỵ');
    expect(t.covers(unitId.districtFeb2025('123'), 'commune:03980@2019')).toBe(true);
    expect(t.covers(unitId.district('123'), 'commune:03980@2019')).toBe(true);
    expect(t.covers(unitId.oldCommune('03979'), 'commune:03980@2019')).toBe(false);
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
