/** Demo receipts of tips handed to the police: a few a month. The receipt ids are demo ids, marked DEMO-. */
import type { OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { HANDOVER_SOURCES, type HandoverSource } from '../catalogues.js';
import { DemoRandom, demoMonths } from '@antt/reference';
import { tipHandoverKind } from './kind.js';

export function seedDemoTipHandovers(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(1442015, org);
  const write = demoWriter(db, org, today);
  const sources = Object.keys(HANDOVER_SOURCES) as HandoverSource[];
  let n = 0;
  for (const month of demoMonths(today)) {
    for (let i = r.int(0, 4); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const receiptId = `DEMO-BN-${org.toUpperCase()}-${String(n + 1).padStart(5, '0')}`;
      write(tipHandoverKind(org), { date, unitId: r.commune(date).id, source: r.pick(sources), receiptId });
      n++;
    }
  }
  return n;
}
