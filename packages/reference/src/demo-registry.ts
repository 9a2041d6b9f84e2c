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
