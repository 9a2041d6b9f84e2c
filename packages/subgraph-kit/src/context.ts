/** The per-request context of an organization's subgraph: who calls, and repositories bound to it. */
import { Scope, type Identity } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import { ActivityRepository } from './activities/repository.js';
import type { Db } from './db.js';

export interface SubgraphContext {
  org: OrganizationId;
  scope: Scope;
  db: Db;
  activities: ActivityRepository;
}

export function createContext(org: OrganizationId, db: Db, identity: Identity): SubgraphContext {
  const scope = new Scope(identity);
  return { org, scope, db, activities: new ActivityRepository(db, org, scope) };
}
