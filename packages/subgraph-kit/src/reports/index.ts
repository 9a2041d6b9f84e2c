/** The reports module every organization's subgraph gets (Plan 155, section IV.4). */
import type { OrganizationId } from '@antt/reference';
import type { SubgraphModule } from '../organization-subgraph.js';
import type { RecordKind } from '../records/kind.js';
import { reportKind } from './kind.js';
import { reportResolvers, sharedReportResolvers } from './resolvers.js';
import { reportTypeDefs, sharedReportTypeDefs } from './schema.js';
import { Reports, registerReportKinds } from './workflow.js';
import { seedDemoReports } from './demo.js';

export * from './calendar.js';
export * from './kind.js';
export * from './figures.js';
export * from './workflow.js';
export * from './document.js';
export * from './numbers.js';
export * from './basis-fields.js';
export * from './basis-sdl.js';

/** The module: its kind, schema and demo; `kinds` lists every kind of the subgraph (its figures). */
export function reportModules(org: OrganizationId, kinds: () => readonly RecordKind[]): SubgraphModule[] {
  registerReportKinds(org, kinds);
  const reports = new Reports(org, kinds);
  return [
    { typeDefs: sharedReportTypeDefs, resolvers: sharedReportResolvers() },
    {
      typeDefs: reportTypeDefs(org),
      resolvers: reportResolvers(org, reports),
      kinds: [reportKind(org)],
      demo: { name: 'reports', seed: (db, o, today) => seedDemoReports(db, o, today, reports) },
    },
  ];
}
