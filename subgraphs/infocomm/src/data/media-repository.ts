/**
 * Media items, online-crime warnings and good examples. Each record keeps the body that answered for it
 * on its date (responsibleBody from packages/duties), and counts can be split by that body, so that a
 * period spanning 1 March 2025 shows what each department did.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { countWindow, inWindow, memo, recordKind, responsibleBody, responsibleBodyById, windowParams, type Check } from '@antt/duties';
import { territory, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import type { Scope } from '@antt/auth';
import { infocommGoodExamples as examples, infocommMediaItems as items, infocommOnlineWarnings as warnings } from '../db/schema.js';
import { ONLINE_CRIME_CHANNELS, OUTLET_KINDS, type OnlineCrimeChannel, type OutletKind } from './catalogues.js';

function where(org: OrganizationId, check: Check, f: { date: string; unitId?: string | null }) {
  const date = check.pastDate('date', f.date, 'Ngày đăng, phát');
  const unit = check.unitOn('unitId', f.unitId ?? territory().provinceId, date);
  return { date, unitId: unit.id, branchId: check.branch(org, unit, date), responsibleBody: responsibleBody(org, date).id };
}

export interface MediaItemInput {
  date: string;
  unitId?: string | null;
  outletKind: OutletKind;
  outlet: string;
  title: string;
  topic: string;
  reach?: number | null;
}

export function validateMediaItem(org: OrganizationId, f: MediaItemInput, check: Check) {
  return {
    ...where(org, check, f),
    outletKind: check.oneOf('outletKind', f.outletKind, OUTLET_KINDS, 'Loại kênh'),
    outlet: check.text('outlet', f.outlet, 'Tên cơ quan báo chí, kênh', 200, true),
    title: check.text('title', f.title, 'Tiêu đề', 500, true),
    topic: check.text('topic', f.topic, 'Chủ đề', 300, true),
    reach: check.optionalCount('reach', f.reach, 'Lượt tiếp cận ước tính', 0, 100_000_000),
  };
}

export interface OnlineWarningInput {
  date: string;
  unitId?: string | null;
  channel: OnlineCrimeChannel;
  title: string;
  method: string;
  outlets: string;
  reach?: number | null;
}

export function validateOnlineWarning(org: OrganizationId, f: OnlineWarningInput, check: Check) {
  return {
    ...where(org, check, f),
    channel: check.oneOf('channel', f.channel, ONLINE_CRIME_CHANNELS, 'Phương thức phạm tội'),
    title: check.text('title', f.title, 'Tiêu đề cảnh báo', 500, true),
    method: check.text('method', f.method, 'Mô tả thủ đoạn', 4000, true),
    outlets: check.text('outlets', f.outlets, 'Kênh đăng tải', 500, true),
    reach: check.optionalCount('reach', f.reach, 'Lượt tiếp cận ước tính', 0, 100_000_000),
  };
}

export interface GoodExampleInput {
  date: string;
  unitId?: string | null;
  subject: string;
  achievement: string;
  outletKind: OutletKind;
  reach?: number | null;
}

export function validateGoodExample(org: OrganizationId, f: GoodExampleInput, check: Check) {
  return {
    ...where(org, check, f),
    subject: check.text('subject', f.subject, 'Tập thể, cá nhân điển hình', 300, true),
    achievement: check.text('achievement', f.achievement, 'Thành tích', 2000, true),
    outletKind: check.oneOf('outletKind', f.outletKind, OUTLET_KINDS, 'Loại kênh'),
    reach: check.optionalCount('reach', f.reach, 'Lượt tiếp cận ước tính', 0, 100_000_000),
  };
}

/** Counts of a table by the body that answered for its records, in the window. */
function byBody(db: Db, name: string, table: typeof items | typeof warnings | typeof examples, c: { unitId: SQLiteColumn; date: SQLiteColumn; body: SQLiteColumn; reach: SQLiteColumn | SQL }) {
  return memo(db, `infocomm-by-body:${name}`, () =>
    db.select({ key: sql<string>`${c.body}`, n: sql<number>`count(*)`, reach: sql<number>`coalesce(sum(${c.reach}), 0)` }).from(table).where(inWindow(c.unitId, c.date)).groupBy(c.body).prepare(),
  );
}

export interface BodyCount {
  body: ReturnType<typeof responsibleBody>;
  count: number;
  reach: number;
}

function bodies(db: Db, scope: Scope, org: OrganizationId, unitId: string, periodId: string, name: string, table: typeof items | typeof warnings | typeof examples, c: Parameters<typeof byBody>[3]): BodyCount[] {
  const rows = byBody(db, name, table, c).all(windowParams(countWindow(scope, org, { unitId, periodId })));
  return rows.map((r) => ({ body: responsibleBodyById(org, r.key), count: r.n, reach: r.reach }));
}

export class MediaItemRepository extends recordKind({
  name: 'infocomm-media-items',
  table: items,
  columns: { id: items.id, unitId: items.unitId, date: items.date },
  dateOf: (r) => r.date,
  sums: { reach: items.reach },
  by: { column: items.outletKind, catalogue: OUTLET_KINDS },
  nounVi: 'tin, bài',
  validate: validateMediaItem,
}) {
  byBody(unitId: string, periodId: string): BodyCount[] {
    return bodies(this.db, this.scope, this.org, unitId, periodId, 'media', items, { unitId: items.unitId, date: items.date, body: items.responsibleBody, reach: items.reach });
  }
}

export class OnlineWarningRepository extends recordKind({
  name: 'infocomm-online-warnings',
  table: warnings,
  columns: { id: warnings.id, unitId: warnings.unitId, date: warnings.date },
  dateOf: (r) => r.date,
  sums: { reach: warnings.reach },
  by: { column: warnings.channel, catalogue: ONLINE_CRIME_CHANNELS },
  nounVi: 'cảnh báo',
  validate: validateOnlineWarning,
}) {
  byBody(unitId: string, periodId: string): BodyCount[] {
    return bodies(this.db, this.scope, this.org, unitId, periodId, 'warnings', warnings, { unitId: warnings.unitId, date: warnings.date, body: warnings.responsibleBody, reach: warnings.reach });
  }
}

export class GoodExampleRepository extends recordKind({
  name: 'infocomm-good-examples',
  table: examples,
  columns: { id: examples.id, unitId: examples.unitId, date: examples.date },
  dateOf: (r) => r.date,
  sums: { reach: examples.reach },
  nounVi: 'điển hình',
  validate: validateGoodExample,
}) {
  byBody(unitId: string, periodId: string): BodyCount[] {
    return bodies(this.db, this.scope, this.org, unitId, periodId, 'examples', examples, { unitId: examples.unitId, date: examples.date, body: examples.responsibleBody, reach: examples.reach });
  }
}
