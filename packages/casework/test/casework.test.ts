import { describe, expect, it } from 'vitest';
import { communeAsOn, unitId } from '@antt/reference';
import { MEDIATION_CATEGORIES, MEDIATION_EXCLUSIONS, SUPPORTING_ORGANIZATIONS, demoSupportersOf, exclusionMessage } from '../src/index.js';

describe('the casework catalogues and demo helpers', () => {
  it('excludes from mediation exactly the four kinds of matter Article 3(1) of Law 35/2013 names', () => {
    expect(Object.keys(MEDIATION_EXCLUSIONS).sort()).toEqual(['ADMINISTRATIVE_OFFENCE', 'CIVIL_NOT_MEDIABLE', 'CRIMINAL_OFFENCE', 'STATE_OR_PUBLIC_INTEREST']);
    for (const c of Object.keys(MEDIATION_CATEGORIES) as (keyof typeof MEDIATION_CATEGORIES)[]) {
      expect(exclusionMessage(c) !== null, c).toBe(c in MEDIATION_EXCLUSIONS);
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
