/**
 * The authorization module at each level (commune, district, province), before and after the two
 * changes of 2025: the district police abolished on 1 March, the district level gone and the
 * socio-political organizations under the Front from 1 July.
 */
import { describe, expect, it } from 'vitest';
import { unitId, workingUnder } from '@antt/reference';
import { authorize, bodyOn, principalOf, reportingChain, type Identity, type Role } from '../src/index.js';

const PROVINCE = unitId.province('14');
const THUAN_CHAU = unitId.district('119');
const CHIENG_PHA = unitId.oldCommune('03730');
const BINH_THUAN = unitId.newCommune('03724');
const TO_HIEU = unitId.newCommune('03646');

const BEFORE_MARCH = '2025-02-15';
const SPRING = '2025-04-15';
const AFTER_JULY = '2025-08-15';

const who = (organization: Identity['organization'], unit: string, roles: Role[] = ['STAFF']) =>
  principalOf({ userId: `${organization}@${unit}:${roles.join('+')}`, name: 'x', organization, unitId: unit, roles });
/** The unit a record of a date is kept under in Thuận Châu: Xã Chiềng Pha before the reform, Xã Bình Thuận from it. */
const unitOn = (date: string) => (date < '2025-07-01' ? CHIENG_PHA : BINH_THUAN);
const writes = (p: ReturnType<typeof who>, org: Parameters<typeof authorize.write>[1], date: string) => authorize.write(p, org, unitOn(date), date).allowed;

describe('posts at each level across 2025', () => {
  it('commune: an old-map commune post writes until 30 June 2025; the new commune formed from it writes from July and reads the old records', () => {
    const old = who('women', CHIENG_PHA);
    expect([BEFORE_MARCH, SPRING, AFTER_JULY].map((d) => writes(old, 'women', d))).toEqual([true, true, false]);
    const refusal = authorize.write(old, 'women', CHIENG_PHA, AFTER_JULY);
    expect(refusal).toMatchObject({ allowed: false, message: expect.stringContaining('2025-06-30') });
    const now = who('women', BINH_THUAN);
    expect(writes(now, 'women', AFTER_JULY)).toBe(true);
    expect(authorize.readRecord(now, { org: 'women' }, CHIENG_PHA, '2021-08-10').allowed).toBe(true);
    expect(authorize.readRecord(now, { org: 'women' }, TO_HIEU, AFTER_JULY)).toEqual({
      allowed: false,
      message: 'Đơn vị này nằm ngoài địa bàn bạn phụ trách.',
    });
  });

  it('district: the district police stop on 1 March 2025, other district posts on 1 July 2025', () => {
    const police = who('police', THUAN_CHAU);
    const women = who('women', THUAN_CHAU);
    expect([police.postEnds, women.postEnds]).toEqual(['2025-02-28', '2025-06-30']);
    expect([BEFORE_MARCH, SPRING, AFTER_JULY].map((d) => writes(police, 'police', d))).toEqual([true, false, false]);
    expect([BEFORE_MARCH, SPRING, AFTER_JULY].map((d) => writes(women, 'women', d))).toEqual([true, true, false]);
    expect(authorize.readRecord(police, { org: 'police' }, CHIENG_PHA, '2021-08-10').allowed).toBe(true);
    expect(authorize.readRecord(police, { org: 'police' }, CHIENG_PHA, SPRING).allowed).toBe(false);
  });

  it('province: a province post never ends, on either map', () => {
    for (const org of ['police', 'women', 'infocomm'] as const) {
      const p = who(org, PROVINCE);
      expect(p.postEnds).toBeNull();
      expect([BEFORE_MARCH, SPRING, AFTER_JULY].map((d) => writes(p, org, d))).toEqual([true, true, true]);
    }
  });

  it('levels are read from the unit', () => {
    expect([who('women', CHIENG_PHA).level, who('women', THUAN_CHAU).level, who('women', PROVINCE).level]).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE']);
  });
});

describe('reporting chains on the due date', () => {
  it('a commune police station reports through the district until 28 February 2025 and straight to the province from 1 March', () => {
    // On 15 February 2025 the map of Resolution 1280 is in force: the same district, under its 2025-02 id.
    expect(reportingChain('police', CHIENG_PHA, BEFORE_MARCH)).toEqual([unitId.districtFeb2025('119'), PROVINCE]);
    expect(reportingChain('police', CHIENG_PHA, SPRING)).toEqual([PROVINCE]);
    expect(reportingChain('police', BINH_THUAN, AFTER_JULY)).toEqual([PROVINCE]);
  });

  it('a commune women’s union reports through the district until 30 June 2025, then to the province, working under the Front', () => {
    expect(reportingChain('women', CHIENG_PHA, SPRING)).toEqual([unitId.districtFeb2025('119'), PROVINCE]);
    expect(reportingChain('women', BINH_THUAN, AFTER_JULY)).toEqual([PROVINCE]);
    expect([workingUnder('women', SPRING), workingUnder('women', AFTER_JULY), workingUnder('police', AFTER_JULY)]).toEqual([null, 'front', null]);
  });

  it('the Department of Science and Technology answers for infocomm’s part from 1 March 2025', () => {
    expect(bodyOn('infocomm', BEFORE_MARCH)).toBe('Sở Thông tin và Truyền thông tỉnh Sơn La');
    expect(bodyOn('infocomm', SPRING)).toBe('Sở Khoa học và Công nghệ tỉnh Sơn La');
  });

  it('a submitted report is read by its branch, the branches above it that day, steering committees over it, leadership and the consolidators (audited)', () => {
    const early = { org: 'police' as const, unitId: CHIENG_PHA, dueDate: BEFORE_MARCH };
    const late = { ...early, dueDate: '2025-06-10' };
    const district = who('police', THUAN_CHAU);
    expect(authorize.readSubmittedReport(district, early).allowed).toBe(true);
    expect(authorize.readSubmittedReport(district, late).allowed).toBe(false);
    expect(authorize.readSubmittedReport(who('police', PROVINCE), late).allowed).toBe(true);
    expect(authorize.readSubmittedReport(who('women', PROVINCE), late)).toMatchObject({ allowed: false });
    for (const org of ['police', 'front'] as const)
      expect(authorize.readSubmittedReport(who(org, PROVINCE, ['STAFF', 'CONSOLIDATOR']), late)).toEqual({ allowed: true, audited: true });
    expect(authorize.readSubmittedReport(who('province', THUAN_CHAU, ['STEERING_COMMITTEE']), late).allowed).toBe(true);
    expect(authorize.readSubmittedReport(who('province', TO_HIEU, ['STEERING_COMMITTEE']), late).allowed).toBe(false);
    expect(authorize.submitReport(who('police', CHIENG_PHA), late).allowed).toBe(true);
    expect(authorize.submitReport(who('police', CHIENG_PHA), { ...late, dueDate: '2025-12-10' }).allowed).toBe(false);
  });
});

describe('roles', () => {
  it('a consolidator is province staff of the police or the Front; the role means nothing elsewhere', () => {
    expect(who('police', PROVINCE, ['STAFF', 'CONSOLIDATOR']).isConsolidator).toBe(true);
    expect(who('front', PROVINCE, ['STAFF', 'CONSOLIDATOR']).isConsolidator).toBe(true);
    expect(who('women', PROVINCE, ['STAFF', 'CONSOLIDATOR']).isConsolidator).toBe(false);
    expect(who('police', BINH_THUAN, ['STAFF', 'CONSOLIDATOR']).isConsolidator).toBe(false);
    expect(who('province', PROVINCE, ['CONSOLIDATOR']).isConsolidator).toBe(false);
  });

  it('an auditor reads audit trails and nothing else: its own organization’s, or every one’s for the provincial auditor', () => {
    const own = who('women', PROVINCE, ['AUDITOR']);
    const provincial = who('province', PROVINCE, ['AUDITOR']);
    expect([authorize.readAuditTrail(own, 'women').allowed, authorize.readAuditTrail(own, 'police').allowed]).toEqual([true, false]);
    expect([authorize.readAuditTrail(provincial, 'women').allowed, authorize.readAuditTrail(provincial, 'police').allowed]).toEqual([true, true]);
    expect(authorize.readClass(provincial, 'PUBLIC_AGGREGATE', 'women').allowed).toBe(false);
    expect(authorize.readCounts(provincial, { org: 'women' }, PROVINCE).allowed).toBe(false);
    expect(authorize.readAuditTrail(who('women', PROVINCE, ['STAFF']), 'women')).toEqual({
      allowed: false,
      message: 'Chỉ lãnh đạo hoặc kiểm toán viên của Hội Liên hiệp Phụ nữ tỉnh Sơn La xem được nhật ký này.',
    });
    expect(authorize.readAuditTrail(who('women', PROVINCE, ['LEADER']), 'women').allowed).toBe(true);
  });

  it('a steering committee member reads counts in their jurisdiction, not records, and writes nothing', () => {
    const commune = who('province', BINH_THUAN, ['STEERING_COMMITTEE']);
    expect(authorize.readCounts(commune, { org: 'women' }, BINH_THUAN).allowed).toBe(true);
    expect(authorize.readCounts(commune, { org: 'women' }, TO_HIEU).allowed).toBe(false);
    expect(authorize.listRecords(commune, { org: 'women' }, BINH_THUAN).allowed).toBe(false);
    expect(authorize.writeAny(commune, 'women').allowed).toBe(false);
    expect(authorize.readClass(commune, 'INTERNAL', 'women').allowed).toBe(false);
  });

  it("a steering committee's records are read by its members in their area, the police who keep them, the Front and leadership; written by the police only", () => {
    const steering = { org: 'police' as const, visibility: 'steering' as const };
    const commune = who('province', BINH_THUAN, ['STEERING_COMMITTEE']);
    expect(authorize.listRecords(commune, steering, BINH_THUAN).allowed).toBe(true);
    expect(authorize.listRecords(commune, steering, TO_HIEU).allowed).toBe(false);
    expect(authorize.readClass(commune, 'INTERNAL', 'police').allowed).toBe(true);
    expect(authorize.readClass(commune, 'PERSONAL', 'police').allowed).toBe(false);
    expect(authorize.listRecords(commune, { org: 'police' }, BINH_THUAN).allowed).toBe(false);
    expect(authorize.listRecords(who('front', PROVINCE, ['STAFF']), steering, BINH_THUAN).allowed).toBe(true);
    expect(authorize.readCounts(who('front', PROVINCE, ['STAFF']), steering, BINH_THUAN).allowed).toBe(true);
    expect(authorize.listRecords(who('women', PROVINCE, ['STAFF']), steering, BINH_THUAN).allowed).toBe(false);
    expect(authorize.writeAny(commune, 'police').allowed).toBe(false);
    expect(authorize.writeAny(who('front', PROVINCE, ['STAFF']), 'police').allowed).toBe(false);
  });

  it('keeps the behaviour the repository’s tests encode', () => {
    const lead = who('province', PROVINCE, ['LEADERSHIP']);
    const victims = { org: 'women' as const, visibility: 'own-staff' as const };
    expect(authorize.listRecords(lead, victims, PROVINCE)).toMatchObject({ allowed: false, message: expect.stringContaining('lãnh đạo xem số liệu tổng hợp') });
    expect(authorize.listRecords(who('women', BINH_THUAN), victims, BINH_THUAN).allowed).toBe(true);
    expect(authorize.listRecords(who('women', BINH_THUAN), victims, TO_HIEU).allowed).toBe(false);
    expect(authorize.readClass(lead, 'SENSITIVE_PERSONAL', 'women')).toEqual({ allowed: false, message: 'Bạn không có quyền xem dữ liệu này.' });
    const models = { org: 'veterans' as const, visibility: 'monitored' as const };
    expect(authorize.listRecords(who('front', BINH_THUAN), models, BINH_THUAN).allowed).toBe(true);
    expect(authorize.listRecords(who('police', BINH_THUAN), models, BINH_THUAN).allowed).toBe(true);
    expect(authorize.listRecords(who('women', BINH_THUAN), models, BINH_THUAN).allowed).toBe(false);
    const dash = who('province', PROVINCE, ['DASHBOARD']);
    expect(authorize.runUnlistedOperation(dash).allowed).toBe(false);
    expect(authorize.runUnlistedOperation(lead).allowed).toBe(true);
    expect(authorize.listRecords(dash, { org: 'women' }, PROVINCE).allowed).toBe(false);
    expect(authorize.readCounts(dash, { org: 'women' }, PROVINCE).allowed).toBe(true);
  });

  it('decides the police’s and the Front’s own rules that their resolvers will call', () => {
    expect(authorize.listOverdueTips(who('police', PROVINCE, ['LEADER'])).allowed).toBe(true);
    expect(authorize.listOverdueTips(who('police', PROVINCE, ['STAFF', 'INVESTIGATOR'])).allowed).toBe(true);
    expect(authorize.listOverdueTips(who('police', PROVINCE)).allowed).toBe(false);
    expect(authorize.addProvincialCriterion(who('police', PROVINCE, ['LEADER'])).allowed).toBe(true);
    expect(authorize.addProvincialCriterion(who('police', BINH_THUAN, ['LEADER'])).allowed).toBe(false);
    expect(authorize.listModelReviews(who('front', BINH_THUAN), BINH_THUAN).allowed).toBe(true);
    expect(authorize.listModelReviews(who('women', BINH_THUAN), BINH_THUAN).allowed).toBe(false);
    expect(authorize.readModelReview(who('women', BINH_THUAN), 'women', BINH_THUAN).allowed).toBe(true);
    expect(authorize.readModelReview(who('youth', BINH_THUAN), 'women', BINH_THUAN).allowed).toBe(false);
  });
});
