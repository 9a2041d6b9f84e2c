/**
 * Demo records that several organizations refer to, generated once, here, so that each organization's
 * demo data (in its own database) points at the same ids: the police keep reintegration cases and the
 * register of establishments; member organizations support the cases and run movements in the
 * establishments. Seeded and reproducible; every id is marked as demo data by its `DEMO-` prefix.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { addDays, todayInVietnam, type IsoDate } from './dates.js';
import { eraOn, territory, FIRST_REFORM_DATE, REFORM_DATE, type AdminUnit } from './territory.js';
import { DemoRandom, communeAsOn, demoMonths } from './demo-random.js';
import type { OrganizationId } from './organizations.js';

export type ReintegrationKind = 'SENTENCE_SERVED' | 'SPECIAL_AMNESTY' | 'PAROLE';

export interface DemoReintegrationCase {
  /** Pseudonymous case id (mã hồ sơ): all that organizations other than the police ever see. */
  id: string;
  /** The commune where the person lives, as the commune was on `returnedOn`. */
  communeId: string;
  returnedOn: IsoDate;
  kind: ReintegrationKind;
}

export type EstablishmentKind = 'AGENCY' | 'ENTERPRISE' | 'SCHOOL';

export interface DemoEstablishment {
  id: string;
  name: string;
  kind: EstablishmentKind;
  /** Finer kind, which decides whether Circular 124/2021 applies. */
  subKind: string;
  /** The commune it is in, on today's map. */
  communeId: string;
  /** The level that manages it. */
  managedBy: 'PROVINCE' | 'COMMUNE';
}

function communesOn(date: IsoDate): AdminUnit[] {
  return territory().unitsOn(date, 'COMMUNE');
}

/** A day on which the map in force on `date` is in force (its first day, or 2021-01-01 for the 2013-2025 map). */
function mapStart(date: IsoDate): IsoDate {
  const era = eraOn(date);
  return era === '2013-2025' ? '2021-01-01' : era === '2025-02' ? FIRST_REFORM_DATE : REFORM_DATE;
}

/** About 160 cases from 2021 to `today`, each in a commune of the map in force on its day. */
export function demoReintegrationCases(today: IsoDate = todayInVietnam()): DemoReintegrationCase[] {
  const rng = xoroshiro128plus(4920);
  const out: DemoReintegrationCase[] = [];
  const kinds: ReintegrationKind[] = ['SENTENCE_SERVED', 'SENTENCE_SERVED', 'SENTENCE_SERVED', 'PAROLE', 'SPECIAL_AMNESTY'];
  for (let d: IsoDate = '2021-01-05', n = 1; d <= today; d = addDays(d, uniformInt(rng, 6, 18)), n++) {
    const pool = communesOn(mapStart(d));
    out.push({
      id: `DEMO-TH-${String(n).padStart(4, '0')}`,
      communeId: pool[uniformInt(rng, 0, pool.length - 1)]!.id,
      returnedOn: d,
      kind: kinds[uniformInt(rng, 0, kinds.length - 1)]!,
    });
  }
  return out;
}

const ENTERPRISE_NAMES = [
  'Công ty CP Mía đường Sơn La',
  'Công ty TNHH Chè Mộc Châu',
  'Công ty CP Giống bò sữa Mộc Châu',
  'Công ty Thủy điện Sơn La',
  'Công ty CP Xi măng Mai Sơn',
  'Hợp tác xã Nông nghiệp Tô Hiệu',
  'Công ty TNHH Cà phê Phúc Sinh Sơn La',
  'Công ty CP Cao su Sơn La',
];

/** About 120 agencies, enterprises and schools on today's map. */
export function demoEstablishments(): DemoEstablishment[] {
  const rng = xoroshiro128plus(1242021);
  const communes = communesOn(REFORM_DATE);
  const out: DemoEstablishment[] = [];
  const pick = () => communes[uniformInt(rng, 0, communes.length - 1)]!;
  let n = 0;
  const add = (kind: EstablishmentKind, subKind: string, name: string, communeId: string, managedBy: 'PROVINCE' | 'COMMUNE') =>
    out.push({ id: `DEMO-CS-${String(++n).padStart(4, '0')}`, kind, subKind, name, communeId, managedBy });
  for (const c of communes) {
    add('AGENCY', 'STATE_AGENCY', `Ủy ban nhân dân ${c.name}`, c.id, 'COMMUNE');
    if (uniformInt(rng, 0, 2) === 0) add('SCHOOL', 'LOWER_SECONDARY', `Trường THCS ${c.name.replace(/^(Xã|Phường) /, '')}`, c.id, 'COMMUNE');
    if (uniformInt(rng, 0, 4) === 0) add('SCHOOL', 'PRIMARY', `Trường Tiểu học ${c.name.replace(/^(Xã|Phường) /, '')}`, c.id, 'COMMUNE');
  }
  for (const name of ENTERPRISE_NAMES) add('ENTERPRISE', 'MEDIUM_OR_LARGE', name, pick().id, 'PROVINCE');
  for (let i = 1; i <= 12; i++) add('ENTERPRISE', i % 3 === 0 ? 'SMALL_OR_MICRO' : 'MEDIUM_OR_LARGE', `Doanh nghiệp mẫu số ${i}`, pick().id, 'PROVINCE');
  add('AGENCY', 'ARMED_FORCES', 'Đơn vị quân đội mẫu', pick().id, 'PROVINCE');
  add('SCHOOL', 'UPPER_SECONDARY', 'Trường THPT Chuyên Sơn La', communes.find((c) => c.code === '03646')!.id, 'PROVINCE');
  add('SCHOOL', 'KINDERGARTEN', 'Trường Mầm non Hoa Ban', communes.find((c) => c.code === '03646')!.id, 'COMMUNE');
  return out;
}

/** A tip a member organization handed to the police in the demo data, with the receipt the police returned. */
export interface DemoTipReceipt {
  date: IsoDate;
  /** The commune it concerns, of the map in force that day. */
  communeId: string;
  receiptId: string;
  /** Which of the five handover sources (HandoverSource, in its catalogue's order). */
  sourceIndex: number;
}

/**
 * The tips each member organization handed to the police in the demo data: the same list in the
 * organization's database (its receipts) and in the police's (the tips carrying them), so that no demo
 * receipt names a tip the police do not have.
 */
export function demoTipReceipts(org: OrganizationId, today: IsoDate = todayInVietnam()): DemoTipReceipt[] {
  const r = new DemoRandom(1442015, org);
  const out: DemoTipReceipt[] = [];
  for (const month of demoMonths(today)) {
    for (let i = r.int(0, 4); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const communeId = r.commune(date).id;
      out.push({ date, communeId, receiptId: `DEMO-BN-${org.toUpperCase()}-${String(out.length + 1).padStart(5, '0')}`, sourceIndex: r.int(0, 4) });
    }
  }
  return out;
}

/**
 * Where the police's register puts a demo establishment: a residential area of its commune on today's
 * map (areas live on every map), else the commune itself. The one place it is decided, so that every
 * organization's demo records name the commune the register gives.
 */
export function demoEstablishmentUnit(e: DemoEstablishment, today: IsoDate = todayInVietnam()): string {
  return (
    territory()
      .childrenOn(e.communeId, today)
      .find((a) => a.level === 'RESIDENTIAL_AREA')?.id ?? e.communeId
  );
}

/** The commune a demo establishment is in on `date`, as the police's register gives it (the commune of its area that day). */
export function demoEstablishmentCommuneOn(e: DemoEstablishment, date: IsoDate, today: IsoDate = todayInVietnam()): string {
  const t = territory();
  const unit = demoEstablishmentUnit(e, today);
  if (t.unit(unit)?.level !== 'RESIDENTIAL_AREA') return communeAsOn(unit, date);
  return t.parentOn(unit, date)?.id ?? communeAsOn(e.communeId, date);
}
