/**
 * Each organization reads the trail of its own data: who looked at it, who wrote, who was refused.
 * Generated per organization like the activities (one root field each), from one source.
 */
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { authorize, enforce } from '@antt/auth';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { intInRange } from './validation.js';
import { sqliteOf } from './db.js';
import { trailOf } from './writes.js';
import { rootResolvers, type ResolverMap } from './resolver-map.js';

export const auditRecordTypeDefs = gql`
  "One entry of an organization's audit trail (nhật ký truy cập): who, when, what, never the values."
  type AuditRecord @shareable @dataClass(class: AUDIT_TRAIL) {
    "Position in the trail."
    id: ID!
    "When."
    at: DateTime!
    "The request, the same id in the gateway's and every subgraph's trail."
    requestId: String!
    "Who (user id)."
    userId: String!
    "Their organization."
    organization: String!
    "Their roles."
    roles: [String!]!
    "The operation."
    operation: String!
    "READ (of protected data), WRITE or DENY."
    action: String!
    "The type of the records touched."
    typeName: String
    "Their data class."
    dataClass: String
    "Ids of the records touched."
    recordIds: [String!]!
    "Names of the fields read or written."
    fields: [String!]!
    "OK or the error code."
    outcome: String!
  }
`;

export function auditTypeDefs(org: OrganizationId): DocumentNode {
  const o = ORGANIZATIONS[org];
  return gql`
    extend type Query {
      "The audit trail of the ${o.nameEn}'s own data, newest first: who read, wrote or was refused, never the values (nhật ký truy cập); its leaders and auditors and the provincial auditor only."
      ${org}AuditTrail("From this instant." from: DateTime, "Up to this instant." to: DateTime, "At most this many, 1 to 500." first: Int = 100): [AuditRecord!]!
    }
  `;
}

export function auditResolvers(org: OrganizationId): ResolverMap {
  return {
    Query: rootResolvers({
      [`${org}AuditTrail`]: (_, a: { from?: string | null; to?: string | null; first: number }, ctx) => {
        enforce(authorize.readAuditTrail(ctx.scope.principal, org));
        intInRange('first', a.first, 1, 500, 'Số bản ghi');
        return trailOf(sqliteOf(ctx.db)).list({ from: a.from ?? undefined, to: a.to ?? undefined, limit: a.first });
      },
    }),
  };
}
