/**
 * Trainings are activities of type TRAINING (the farmers' own activities table); the plan asks for them
 * above all at commune level, so they are counted by the level of the unit they took place in.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '@antt/auth';
import { countWindow, inWindow, memo, windowParams } from '@antt/duties';
import { territory, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { activities } from '../db/schema.js';

export class TrainingRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private get byUnit() {
    return memo(this.db, 'farmers-trainings', () =>
      this.db
        .select({ unitId: activities.unitId, n: sql<number>`count(*)`, participants: sql<number>`coalesce(sum(${activities.participants}), 0)` })
        .from(activities)
        .where(and(inWindow(activities.unitId, activities.date), eq(activities.type, 'TRAINING')))
        .groupBy(activities.unitId)
        .prepare(),
    );
  }

  summary(unitId: string, periodId: string) {
    const rows = this.byUnit.all(windowParams(countWindow(this.scope, this.org, { unitId, periodId })));
    const grassroots = (u: string) => ['COMMUNE', 'RESIDENTIAL_AREA'].includes(territory().unit(u)?.level ?? '');
    const sum = (f: (r: (typeof rows)[number]) => boolean, k: 'n' | 'participants') => rows.filter(f).reduce((s, r) => s + r[k], 0);
    return { count: sum(() => true, 'n'), participants: sum(() => true, 'participants'), atCommuneLevel: sum((r) => grassroots(r.unitId), 'n'), participantsAtCommuneLevel: sum((r) => grassroots(r.unitId), 'participants') };
  }
}
