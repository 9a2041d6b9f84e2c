/**
 * The movement's shared modules every organization's subgraph has besides activities: the security
 * models it runs (section II.6) and the forums it holds with the opinions it must answer (section II.4).
 * Each comes with the demo data the organization loads once.
 */
import type { SubgraphModule } from './organization-subgraph.js';
import type { OrganizationId } from '@antt/reference';
import type { Db } from './db.js';
import { modelTypeDefs, sharedModelTypeDefs } from './models/schema.js';
import { modelResolvers } from './models/resolvers.js';
import { seedDemoModels } from './models/demo.js';
import { forumTypeDefs, sharedForumTypeDefs } from './forums/schema.js';
import { forumResolvers } from './forums/resolvers.js';
import { seedDemoForums } from './forums/demo.js';
import { modelKind } from './models/kind.js';
import { forumKind, opinionKind } from './forums/kind.js';

/** Loads a module's demo data into a database; returns how many rows it wrote. */
export type DemoSeeder = (db: Db, org: OrganizationId, today: string) => number;

/** A module's demo data, loaded once per database and remembered under its name (see loadDemoDataOnce). */
export interface ModuleDemo {
  name: string;
  seed: DemoSeeder;
}

export function modelAndForumModules(org: OrganizationId): SubgraphModule[] {
  return [
    { typeDefs: sharedModelTypeDefs, resolvers: {} },
    { typeDefs: modelTypeDefs(org), resolvers: modelResolvers(org), demo: { name: 'models', seed: seedDemoModels }, kinds: [modelKind(org)] },
    { typeDefs: sharedForumTypeDefs, resolvers: {} },
    { typeDefs: forumTypeDefs(org), resolvers: forumResolvers(org), demo: { name: 'forums', seed: seedDemoForums }, kinds: [forumKind(org), opinionKind(org)] },
  ];
}
