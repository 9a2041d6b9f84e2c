/** Demo receipts of tips handed to the police: a few a month. The receipt ids are demo ids, marked DEMO-. */
import type { OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { HANDOVER_SOURCES, type HandoverSource } from '../catalogues.js';
import { DemoRandom, demoMonths } from '../common/demo.js';
import { Check } from '../common/validate.js';
import { tipHandovers } from './table.js';
import { validateHandover } from './repository.js';

export function seedDemoTipHandovers(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(1442015, org);
  const check = new Check('input', today);
  const sources = Object.keys(HANDOVER_SOURCES) as HandoverSource[];
  const rows: ReturnType<typeof validateHandover>[] = [];
  for (const month of demoMonths(today)) {
    for (let i = r.int(0, 4); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const receiptId = `DEMO-BN-${org.toUpperCase()}-${String(rows.length + 1).padStart(5, '0')}`;
      rows.push(validateHandover(org, { date, unitId: r.commune(date).id, source: r.pick(sources), receiptId }, check));
    }
  }
  for (let i = 0; i < rows.length; i += 500) db.insert(tipHandovers).values(rows.slice(i, i + 500).map((v) => ({ ...v, demo: true, recordedBy: 'demo-data', recordedAt: `${v.date}T11:00:00.000Z` }))).run();
  return rows.length;
}
