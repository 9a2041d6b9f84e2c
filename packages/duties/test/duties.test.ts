import { describe, expect, it } from 'vitest';
import { unitId } from '@antt/reference';
import {
  Check,
  MEDIATION_CATEGORIES,
  MEDIATION_EXCLUSIONS,
  SUPPORTING_ORGANIZATIONS,
  communeAsOn,
  demoSupportersOf,
  exclusionMessage,
  responsibleBody,
  responsibleBodyById,
} from '../src/index.js';

describe('the duties’ helpers', () => {
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

  it('excludes from mediation exactly the four kinds of matter Article 3(1) of Law 35/2013 names', () => {
    expect(Object.keys(MEDIATION_EXCLUSIONS).sort()).toEqual(['ADMINISTRATIVE_OFFENCE', 'CIVIL_NOT_MEDIABLE', 'CRIMINAL_OFFENCE', 'STATE_OR_PUBLIC_INTEREST']);
    for (const c of Object.keys(MEDIATION_CATEGORIES) as (keyof typeof MEDIATION_CATEGORIES)[]) {
      expect(exclusionMessage(c) !== null, c).toBe(c in MEDIATION_EXCLUSIONS);
    }
  });

  it('refuses a name or a story where an id from another organization belongs, without repeating it', () => {
    const check = new Check('input', '2025-01-01');
    expect(check.code('caseId', 'DEMO-TH-0001', 'Mã', true)).toBe('DEMO-TH-0001');
    expect(check.code('hotspotId', null, 'Mã')).toBeNull();
    // What the police really issue: base64url receipts and short numeric hotspot ids.
    for (const good of ['BN-x3_Kq9abcDEF', '7', 'DEMO-BN-FARMERS-00001']) expect(check.code('receiptId', good, 'Mã', true)).toBe(good);
    for (const bad of ['Nguyễn Văn A', 'Lò Văn Tố', 'a b', '-leading', 'X'.repeat(65)]) {
      const err = (() => {
        try {
          check.code('caseId', bad, 'Mã', true);
        } catch (e) {
          return e as { message: string; extensions: Record<string, unknown> };
        }
        throw new Error(`accepted ${bad}`);
      })();
      expect(err.extensions).toMatchObject({ field: 'input.caseId', reason: 'INVALID_CODE' });
      expect(err.message).not.toContain(bad);
    }
  });

  it('places a commune of today’s map on the old map before the reform, and an old one on the new map after it', () => {
    // Xã Bình Thuận was formed from Xã Phổng Lái (same code, listed first) and Xã Chiềng Pha.
    expect(communeAsOn(unitId.newCommune('03724'), '2021-05-01')).toBe(unitId.oldCommune('03724'));
    expect(communeAsOn(unitId.oldCommune('03730'), '2025-08-01')).toBe(unitId.newCommune('03724'));
    expect(communeAsOn(unitId.oldCommune('03730'), '2021-05-01')).toBe(unitId.oldCommune('03730'));
  });

  it('gives every demo reintegration case one or two supporting member organizations, the same in every database', () => {
    for (let i = 0; i < 50; i++) {
      const orgs = demoSupportersOf(i);
      expect(orgs.length).toBeGreaterThanOrEqual(1);
      expect(orgs.length).toBeLessThanOrEqual(2);
      for (const o of orgs) expect(SUPPORTING_ORGANIZATIONS).toContain(o);
      expect(demoSupportersOf(i)).toEqual(orgs);
    }
  });
});
