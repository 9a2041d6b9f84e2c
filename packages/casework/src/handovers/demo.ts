/** Demo receipts of tips handed to the police: a few a month, the police's demo tips carrying the same receipts (demoTipReceipts). */
import { demoTipReceipts, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { HANDOVER_SOURCES, type HandoverSource } from '../catalogues.js';
import { tipHandoverKind } from './kind.js';

export function seedDemoTipHandovers(db: Db, org: OrganizationId, today: string): number {
  const write = demoWriter(db, org, today);
  const sources = Object.keys(HANDOVER_SOURCES) as HandoverSource[];
  const receipts = demoTipReceipts(org, today);
  for (const t of receipts) write(tipHandoverKind(org), { date: t.date, unitId: t.communeId, source: sources[t.sourceIndex], receiptId: t.receiptId });
  return receipts.length;
}
