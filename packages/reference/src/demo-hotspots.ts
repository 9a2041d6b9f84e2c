/**
 * The police's demo hotspots (vụ việc có nguy cơ thành điểm nóng), generated once, here, so that the
 * records of other organizations that name one (a labour dispute reported as a hotspot, a mediation
 * that handles one) name a hotspot the police's demo data keeps: the police write these with these
 * ids, the labour federation and the mediation teams pick from them.
 *
 * Seeded and reproducible; generated in date order and numbered in that order, so a later `today` only
 * appends: `hotspot:police:3` is the same hotspot whatever day the demo loads.
 */
import { addDays, type IsoDate } from './dates.js';
import { communesOn, DemoRandom } from './demo-random.js';
import type { OrganizationId } from './organizations.js';

export type DemoHotspotKind = 'DISPUTE' | 'LAND_DISPUTE' | 'COMPLAINT' | 'STRIKE';
export type DemoHotspotStatus = 'MONITORING' | 'MEDIATING' | 'RESOLVED' | 'ESCALATED';

export interface DemoHotspot {
  id: string;
  n: number;
  kind: DemoHotspotKind;
  /** The commune it is in, as the commune was on the day it arose. */
  unitId: string;
  summary: string;
  partiesCount: number;
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH';
  since: IsoDate;
  closedOn: IsoDate | null;
  hotspotStatus: DemoHotspotStatus;
  reportedBy: OrganizationId;
}

/** The id of the police's demo hotspot number `n` (the id the police's demo data keeps it under). */
export const demoHotspotId = (n: number): string => `hotspot:police:${n}`;

const KINDS: DemoHotspotKind[] = ['DISPUTE', 'LAND_DISPUTE', 'COMPLAINT', 'STRIKE'];

const cache = new Map<IsoDate, DemoHotspot[]>();

/** Every demo hotspot that arose on or before `today`, oldest first: one every 15 to 45 days since February 2021. */
export function demoHotspots(today: IsoDate): DemoHotspot[] {
  const hit = cache.get(today);
  if (hit) return hit;
  const r = new DemoRandom(20210201);
  const out: DemoHotspot[] = [];
  for (let d: IsoDate = '2021-02-01', n = 1; d <= today; d = addDays(d, r.int(15, 45)), n++) {
    const closed = addDays(d, r.int(20, 200));
    const isClosed = closed <= today;
    out.push({
      id: demoHotspotId(n),
      n,
      kind: r.pick(KINDS),
      unitId: r.pick(communesOn(d)).id,
      summary: `Vụ việc mẫu số ${n}: tranh chấp giữa các hộ dân, có nguy cơ phức tạp.`,
      partiesCount: r.int(2, 40),
      riskLevel: r.pick(['LOW', 'MEDIUM', 'HIGH'] as const),
      since: d,
      hotspotStatus: isClosed ? r.pick(['RESOLVED', 'RESOLVED', 'ESCALATED'] as const) : r.pick(['MONITORING', 'MEDIATING'] as const),
      closedOn: isClosed ? closed : null,
      reportedBy: r.chance(30) ? r.pick(['labour', 'front', 'farmers'] as const) : 'police',
    });
  }
  cache.set(today, out);
  return out;
}

/**
 * The demo hotspot a record dated `on` names, of one of `kinds`: the first to arise from that day to
 * `within` days later (the matter was reported to the police after it began), or null when none did.
 */
export function demoHotspotFor(today: IsoDate, on: IsoDate, kinds: readonly DemoHotspotKind[], within = 60): DemoHotspot | null {
  const last = addDays(on, within);
  return demoHotspots(today).find((h) => h.since >= on && h.since <= last && kinds.includes(h.kind)) ?? null;
}
