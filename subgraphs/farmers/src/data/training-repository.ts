/**
 * Trainings are activities of type TRAINING (the farmers' own activities table); the plan asks for them
 * above all at commune level, so they are counted by the level of the unit they took place in.
 */
import type { Scope } from '@antt/auth';
import { territory, type OrganizationId } from '@antt/reference';
import { activityKind, RecordRepository, type Db } from '@antt/subgraph-kit';

export class TrainingRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  summary(unitId: string, periodId: string, asRecordedAt: string | null = null) {
    // Current versions of the trainings (or those standing at asRecordedAt, a locked report's), voided ones excluded (the framework's window).
    const rows = new RecordRepository(activityKind(this.org), this.db, this.scope).aggregate<{ unitId: string; n: number; participants: number }>(
      { unitId, periodId, asRecordedAt },
      'unit_id AS unitId, count(*) AS n, coalesce(sum(participants), 0) AS participants',
      { where: "type = 'TRAINING'", groupBy: 'unit_id' },
    );
    const grassroots = (u: string) => ['COMMUNE', 'RESIDENTIAL_AREA'].includes(territory().unit(u)?.level ?? '');
    const sum = (f: (r: (typeof rows)[number]) => boolean, k: 'n' | 'participants') => rows.filter(f).reduce((s, r) => s + r[k], 0);
    return {
      count: sum(() => true, 'n'),
      participants: sum(() => true, 'participants'),
      atCommuneLevel: sum((r) => grassroots(r.unitId), 'n'),
      participantsAtCommuneLevel: sum((r) => grassroots(r.unitId), 'participants'),
    };
  }
}
