import { randomUUID } from 'node:crypto';
/** The per-request context of an organization's subgraph: who calls, and repositories bound to it. */
import { Scope, type Identity } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { Db } from './db.js';
import type { ServiceAsker } from './references/services.js';

/** A repository class: all SQL of one kind of record, built with the caller's scope. */
export type RepositoryClass<T> = new (db: Db, org: OrganizationId, scope: Scope) => T;

export interface AccessNote {
  typeName: string;
  field: string;
  recordId: string | null;
  dataClass: string;
}

/** What a subgraph records about access to protected data (the audit trail implements it). */
export interface AccessRecorder {
  read(e: AccessNote): void;
  /** A refusal; `outcome` FORBIDDEN unless said (a lookup answering null: NOT_FOUND_OR_FORBIDDEN). */
  denied(e: AccessNote & { outcome?: string }): void;
  /** A read of protected data that failed (its error code): never recorded as a read. */
  failed(e: AccessNote, code: string): void;
}

export interface SubgraphContext {
  /** Where reads of protected data and denials are recorded, when the subgraph keeps a trail. */
  audit?: AccessRecorder;
  org: OrganizationId;
  scope: Scope;
  db: Db;
  /** Whether the request came from the gateway (it presented the gateway's secret). */
  fromGateway: boolean;
  /** The request id shared by the gateway and every subgraph it called (x-request-id). */
  requestId: string;
  /** How this subgraph asks another organization's (service to service, references/services.ts); absent when not configured (a test of one subgraph). */
  services?: ServiceAsker;
  /** The request's instance of a repository (made on first use), so every query is filtered by the caller's scope. */
  repo<T>(cls: RepositoryClass<T>): T;
}

export interface RequestInfo {
  fromGateway?: boolean;
  requestId?: string;
  audit?: AccessRecorder;
  services?: ServiceAsker;
}

export function createContext(org: OrganizationId, db: Db, identity: Identity, info: RequestInfo = {}): SubgraphContext {
  const scope = new Scope(identity);
  const made = new Map<RepositoryClass<unknown>, unknown>();
  const repo = <T>(cls: RepositoryClass<T>): T => {
    if (!made.has(cls)) made.set(cls, new cls(db, org, scope));
    return made.get(cls) as T;
  };
  return {
    org,
    scope,
    db,
    repo,
    fromGateway: info.fromGateway ?? false,
    requestId: info.requestId ?? randomUUID(),
    audit: info.audit,
    services: info.services,
  };
}
