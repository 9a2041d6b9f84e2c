/**
 * Demo models: this organization's share of the models every organization's demo data agrees on
 * (packages/reference, demoModels): the Chiềng Sơn model for the Front, its replicas for the women's
 * union, a few more for everyone. Each row goes through the same validation as a user's and keeps the
 * number the shared registry gave it, so the Front's reviews point at it.
 */
import { demoModels, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { models } from './table.js';
import { validateModel } from './validate.js';

export function seedDemoModels(db: Db, org: OrganizationId, today: string): number {
  const rows = demoModels(today)
    .filter((m) => m.org === org)
    .map((m) => ({
      ...validateModel(org, m, 'demo', today),
      id: m.n,
      status: m.status,
      statusSince: m.statusSince,
      demo: true,
      recordedBy: 'demo-data',
      recordedAt: `${m.startedOn}T09:00:00.000Z`,
    }));
  if (rows.length) db.insert(models).values(rows).run();
  return rows.length;
}
