/** Movement work: core forces, trainings the police run for other organizations, bulletins. */
import { eq } from 'drizzle-orm';
import { forbidden, invalidInput, type Scope } from '@antt/auth';
import { isOrganizationId, periodById, type IsoDate, type OrganizationId } from '@antt/reference';
import { intInRange, notInFuture, requiredText, unitValidOn, type Db } from '@antt/subgraph-kit';
import { bulletins, coreForces, policeTrainings, trainingParticipants } from '../db/schema.js';
import { assertCanReadInternal, assertPoliceWriter, isPoliceStaff } from '../access.js';

export type CoreForceRow = typeof coreForces.$inferSelect;
export type TrainingRow = typeof policeTrainings.$inferSelect;
export type BulletinRow = typeof bulletins.$inferSelect;

function period(periodId: string | null | undefined) {
  if (!periodId) return null;
  const p = periodById(periodId);
  if (!p) throw invalidInput('periodId', `Không có kỳ "${periodId}".`, 'UNKNOWN_PERIOD');
  return p;
}

export class MovementRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  coreForces(unitId: string | null | undefined): CoreForceRow[] {
    const u = unitId ?? this.scope.identity.unitId;
    assertCanReadInternal(this.scope, u);
    const vis = this.scope.visibleUnder(u);
    return this.db.select().from(coreForces).all().filter((f) => vis.has(f.unitId));
  }

  recordCoreForce(input: { kind: string; name: string; unitId: string; memberCount: number; since: IsoDate }, opts: { demo?: boolean } = {}): CoreForceRow {
    notInFuture('input.since', input.since, 'Ngày thành lập');
    const unit = unitValidOn('input.unitId', input.unitId, input.since, ['COMMUNE', 'RESIDENTIAL_AREA']);
    const name = requiredText('input.name', input.name, 300, 'Tên lực lượng');
    intInRange('input.memberCount', input.memberCount, 1, 10_000, 'Số thành viên');
    assertPoliceWriter(this.scope, unit.id);
    return this.db.insert(coreForces).values({ kind: input.kind, name, unitId: unit.id, memberCount: input.memberCount, since: input.since, demo: opts.demo ?? false, recordedBy: this.scope.identity.userId }).returning().get();
  }

  trainings(unitId: string | null | undefined, periodId: string | null | undefined): TrainingRow[] {
    const u = unitId ?? this.scope.identity.unitId;
    assertCanReadInternal(this.scope, u);
    const p = period(periodId);
    const vis = this.scope.visibleUnder(u);
    return this.db.select().from(policeTrainings).orderBy(policeTrainings.date).all().filter((t) => vis.has(t.unitId) && (!p || (t.date >= p.start && t.date <= p.end)));
  }

  participants(trainingId: number) {
    return this.db.select().from(trainingParticipants).where(eq(trainingParticipants.trainingId, trainingId)).all();
  }

  recordTraining(input: { date: IsoDate; topic: string; unitId: string; participants: { organizationId: string; count: number }[] }, opts: { demo?: boolean } = {}): TrainingRow {
    notInFuture('input.date', input.date, 'Ngày tập huấn');
    const unit = unitValidOn('input.unitId', input.unitId, input.date);
    const topic = requiredText('input.topic', input.topic, 300, 'Chủ đề');
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      if (!isOrganizationId(p.organizationId)) throw invalidInput(`input.participants.${i}.organizationId`, `Không có tổ chức "${p.organizationId}".`, 'UNKNOWN_ORGANIZATION');
      if (seen.has(p.organizationId)) throw invalidInput(`input.participants.${i}.organizationId`, 'Mỗi tổ chức chỉ ghi một lần.', 'DUPLICATE');
      seen.add(p.organizationId);
      intInRange(`input.participants.${i}.count`, p.count, 0, 100_000, 'Số người tham dự');
    });
    if (!input.participants.length) throw invalidInput('input.participants', 'Ghi số người tham dự của ít nhất một tổ chức.', 'REQUIRED');
    assertPoliceWriter(this.scope, unit.id);
    return this.db.transaction((tx) => {
      const t = tx.insert(policeTrainings).values({ date: input.date, topic, unitId: unit.id, demo: opts.demo ?? false, recordedBy: this.scope.identity.userId }).returning().get();
      tx.insert(trainingParticipants).values(input.participants.map((p) => ({ trainingId: t.id, organization: p.organizationId, count: p.count }))).run();
      return t;
    });
  }

  /** Bulletins addressed to the caller's organization; police and leadership see all of them. */
  bulletins(periodId: string | null | undefined): BulletinRow[] {
    if (this.scope.has('DASHBOARD') && !this.scope.has('LEADERSHIP')) throw forbidden('Bảng điều khiển chỉ đọc số liệu tổng hợp.');
    const p = period(periodId);
    const me = this.scope.identity.organization;
    const all = isPoliceStaff(this.scope) || this.scope.has('LEADERSHIP');
    return this.db.select().from(bulletins).orderBy(bulletins.issuedOn).all().filter((b) => {
      const audience = JSON.parse(b.audience) as string[];
      return (all || audience.length === 0 || audience.includes(me)) && (!p || (b.issuedOn >= p.start && b.issuedOn <= p.end));
    });
  }

  issueBulletin(input: { title: string; body: string; topic: string; issuedOn: IsoDate; audienceIds: string[] }, opts: { demo?: boolean } = {}): BulletinRow {
    const title = requiredText('input.title', input.title, 300, 'Tiêu đề');
    const body = requiredText('input.body', input.body, 20_000, 'Nội dung');
    notInFuture('input.issuedOn', input.issuedOn, 'Ngày phát hành');
    input.audienceIds.forEach((o, i) => {
      if (!isOrganizationId(o)) throw invalidInput(`input.audienceIds.${i}`, `Không có tổ chức "${o}".`, 'UNKNOWN_ORGANIZATION');
    });
    if (!isPoliceStaff(this.scope)) throw forbidden('Chỉ Công an phát hành thông báo phương thức, thủ đoạn.');
    return this.db.insert(bulletins).values({ title, body, topic: input.topic, issuedOn: input.issuedOn, audience: JSON.stringify([...new Set(input.audienceIds)]), demo: opts.demo ?? false, recordedBy: this.scope.identity.userId }).returning().get();
  }
}

