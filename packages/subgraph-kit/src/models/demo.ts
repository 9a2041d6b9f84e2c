/**
 * Demo models: this organization's share of the models every organization's demo data agrees on
 * (packages/reference, demoModels): the Chiềng Sơn model for the Front, its replicas for the women's
 * union, a few more for everyone. Each goes through the same checks as a user's and keeps the id the
 * shared registry gave it, so the Front's reviews point at it.
 */
import { demoModels, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { demoWriter } from '../records/demo.js';
import { modelKind } from './kind.js';

export function seedDemoModels(db: Db, org: OrganizationId, today: string): number {
  const write = demoWriter(db, org, today);
  const mine = demoModels(today).filter((m) => m.org === org);
  for (const m of mine) {
    write(
      modelKind(org),
      {
        name: m.name,
        kind: m.kind,
        description: m.description ?? null,
        unitId: m.unitId,
        startedOn: m.startedOn,
        partnerIds: m.partnerIds ?? [],
        replicaOfId: m.replicaOfId ?? null,
        modelStatus: m.status,
        statusSince: m.statusSince,
      },
      { id: m.id, recordedAt: `${m.startedOn}T09:00:00.000Z` },
    );
  }
  return mine.length;
}
