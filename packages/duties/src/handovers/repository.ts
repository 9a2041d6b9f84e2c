/** All SQL of the receipts of tips handed to the police, filtered by the caller's scope. */
import { eq, sql } from 'drizzle-orm';
import { invalidInput, type Scope, collectInputProblems } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { HANDOVER_SOURCES, type HandoverSource } from '../catalogues.js';
import { canReadRecord } from '../common/access.js';
import { Check } from '../common/validate.js';
import { countWindow, recordWindow, type WindowFilter } from '../common/window.js';
import { RecordList, countsByKey, inWindow, memo, windowParams, type Page } from '../common/records.js';
import { tipHandovers as handovers } from './table.js';

export type HandoverRow = typeof handovers.$inferSelect;

export interface HandoverInput {
  date: string;
  unitId: string;
  source: HandoverSource;
  receiptId: string;
}

export function validateHandover(org: OrganizationId, f: HandoverInput, check = new Check()) {
  const date = check.pastDate('date', f.date, 'Ngày chuyển tin');
  const unit = check.unitOn('unitId', f.unitId, date);
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    source: check.oneOf('source', f.source, HANDOVER_SOURCES, 'Nguồn tin'),
    receiptId: check.code('receiptId', f.receiptId, 'Mã biên nhận của Công an', true),
  };
}

const list = new RecordList('tip-handovers', handovers, { id: handovers.id, unitId: handovers.unitId, date: handovers.date }, (r) => r.date);

function prepare(db: Db) {
  return {
    byReceipt: db.select({ id: handovers.id }).from(handovers).where(eq(handovers.receiptId, sql.placeholder('receiptId'))).prepare(),
    bySource: db.select({ key: handovers.source, n: sql<number>`count(*)` }).from(handovers).where(inWindow(handovers.unitId, handovers.date)).groupBy(handovers.source).prepare(),
  };
}

export interface HandoverSummary {
  handovers: number;
  bySource: { source: HandoverSource; count: number }[];
}

export class TipHandoverRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private get s() {
    return memo(this.db, 'tip-handovers', () => prepare(this.db));
  }

  byId(id: number): HandoverRow | null {
    const row = list.byId(this.db, id);
    return row && canReadRecord(this.scope, this.org, row.unitId, 'records') ? row : null;
  }

  list(f: WindowFilter, first: number, after?: string | null): Page<HandoverRow> {
    return list.page(this.db, recordWindow(this.scope, this.org, f), first, after);
  }

  record(input: HandoverInput): HandoverRow {
    const v = collectInputProblems(() => validateHandover(this.org, input));
    this.scope.assertCanWrite(this.org, v.unitId);
    if (this.s.byReceipt.get({ receiptId: v.receiptId })) throw invalidInput('input.receiptId', `Biên nhận ${v.receiptId} đã được ghi.`, 'DUPLICATE');
    return this.db.insert(handovers).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  summary(unitId: string, periodId: string): HandoverSummary {
    const rows = countsByKey(HANDOVER_SOURCES, this.s.bySource.all(windowParams(countWindow(this.scope, this.org, { unitId, periodId }))));
    return { handovers: rows.reduce((s, r) => s + r.n, 0), bySource: rows.map(({ key, n }) => ({ source: key, count: n })) };
  }
}
