/** Worker boarding houses and their safety checks. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { countWindow, countsByKey, inUnits, memo, recordKind, windowParams, Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { labourBoardingHouseChecks as checks, labourBoardingHouses as houses } from '../db/schema.js';
import { BOARDING_HOUSE_STATUSES, type BoardingHouseStatus } from './catalogues.js';

export interface BoardingHouseInput {
  name: string;
  unitId: string;
  registeredOn: string;
  rooms: number;
  workersLiving: number;
}

export interface BoardingHouseCheckInput {
  checkedOn: string;
  status: BoardingHouseStatus;
  note?: string | null;
}

export function validateBoardingHouse(org: OrganizationId, f: BoardingHouseInput, check: Check) {
  const registeredOn = check.pastDate('registeredOn', f.registeredOn, 'Ngày đăng ký');
  const unit = check.unitOn('unitId', f.unitId, registeredOn, ['COMMUNE', 'RESIDENTIAL_AREA']);
  return {
    name: check.text('name', f.name, 'Tên khu nhà trọ', 200, true),
    unitId: unit.id,
    branchId: check.branch(org, unit, registeredOn),
    registeredOn,
    rooms: check.count('rooms', f.rooms, 'Số phòng', 1, 10_000),
    workersLiving: check.count('workersLiving', f.workersLiving, 'Số công nhân ở trọ', 0, 100_000),
  };
}

export type BoardingHouseRow = typeof houses.$inferSelect;
export type BoardingHouseCheckRow = typeof checks.$inferSelect;

const STATUS_AT_END = { ...BOARDING_HOUSE_STATUSES, NOT_CHECKED: 'chưa kiểm tra' };

export class BoardingHouseRepository extends recordKind({
  name: 'labour-boarding-houses',
  table: houses,
  columns: { id: houses.id, unitId: houses.unitId, date: houses.registeredOn },
  dateOf: (r) => r.registeredOn,
  nounVi: 'khu nhà trọ',
  validate: validateBoardingHouse,
}) {
  private get stmts() {
    return memo(this.db, 'labour-boarding-houses', () => ({
      checksOf: this.db.select().from(checks).where(eq(checks.houseId, sql.placeholder('id'))).orderBy(desc(checks.checkedOn), desc(checks.id)).prepare(),
      // A house's status on the period's last day is its latest check by then. Computed here rather than by
      // a correlated subquery: drizzle writes the select list without table names, and "id" inside the
      // subquery would then be the check's, not the house's.
      registered: this.db
        .select({ id: houses.id, workersLiving: houses.workersLiving })
        .from(houses)
        .where(and(inUnits(houses.unitId), sql`${houses.registeredOn} <= ${sql.placeholder('to')}`))
        .prepare(),
      checksBy: this.db
        .select({ houseId: checks.houseId, status: checks.status })
        .from(checks)
        .innerJoin(houses, eq(checks.houseId, houses.id))
        .where(and(inUnits(houses.unitId), sql`${checks.checkedOn} <= ${sql.placeholder('to')}`))
        .orderBy(checks.checkedOn, checks.id)
        .prepare(),
      checked: this.db
        .select({ n: sql<number>`count(*)` })
        .from(checks)
        .innerJoin(houses, eq(checks.houseId, houses.id))
        .where(and(inUnits(houses.unitId), sql`${checks.checkedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`))
        .prepare(),
    }));
  }

  /** Checks of a house the caller could read, newest first. */
  checksOf(houseId: number): BoardingHouseCheckRow[] {
    return this.stmts.checksOf.all({ id: houseId });
  }

  recordCheck(houseId: number, input: BoardingHouseCheckInput): BoardingHouseRow {
    const house = this.writable(houseId);
    const check = new Check();
    const checkedOn = check.notBefore('checkedOn', check.pastDate('checkedOn', input.checkedOn, 'Ngày kiểm tra'), house.registeredOn, 'Ngày kiểm tra', 'ngày đăng ký khu nhà trọ');
    const status = check.oneOf('status', input.status, BOARDING_HOUSE_STATUSES, 'Tình trạng an toàn');
    this.db.insert(checks).values({ houseId, checkedOn, status, note: check.text('note', input.note, 'Ghi chú', 2000), recordedBy: this.scope.identity.userId }).run();
    return house;
  }

  houses(unitId: string, periodId: string) {
    const p = windowParams(countWindow(this.scope, this.org, { unitId, periodId }));
    const latest = new Map(this.stmts.checksBy.all({ units: p.units, to: p.to }).map((c) => [c.houseId, c.status]));
    const tally = new Map<string, { n: number; workers: number }>();
    for (const h of this.stmts.registered.all({ units: p.units, to: p.to })) {
      const key = latest.get(h.id) ?? 'NOT_CHECKED';
      const t = tally.get(key) ?? { n: 0, workers: 0 };
      tally.set(key, { n: t.n + 1, workers: t.workers + h.workersLiving });
    }
    const byStatus = countsByKey(STATUS_AT_END, [...tally].map(([key, t]) => ({ key, n: t.n }))).map(({ key, n }) => ({ status: key, count: n, workersLiving: tally.get(key)?.workers ?? 0 }));
    return { count: byStatus.reduce((s, b) => s + b.count, 0), workersLiving: byStatus.reduce((s, b) => s + b.workersLiving, 0), checks: this.stmts.checked.get(p)?.n ?? 0, byStatus };
  }
}
