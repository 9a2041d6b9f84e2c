/**
 * What the gateway decides before any subgraph is called: dashboards run only allowlisted operations,
 * and an operation asking for a data class that no subgraph would give this caller is refused; both
 * refusals, and every request for personal, sensitive or crime-source data, go to the gateway's own
 * audit trail under the request id the subgraphs also record.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { AuditEntry, AuditTrail } from '@antt/audit';
import { authorize, enforce, isAudited, principalOf, forbidden, type DataClass } from '@antt/auth';
import type { GatewayContext } from './server.js';
import { requestedClasses, type ClassMap } from './data-classes.js';
import { isRegistered } from './dashboard-operations.js';
import { sensitiveRequests } from './disclosure.js';

const CLASS_NAMES_VI: Record<DataClass, string> = {
  PUBLIC_AGGREGATE: 'số liệu tổng hợp',
  INTERNAL: 'hồ sơ nội bộ',
  PERSONAL: 'dữ liệu cá nhân',
  SENSITIVE_PERSONAL: 'dữ liệu cá nhân nhạy cảm',
  CRIME_SOURCE: 'nguồn tin tố giác',
  AUDIT_TRAIL: 'nhật ký truy cập',
};

/** Whether the caller is a dashboard and nothing more (runs only allowlisted operations). */
export function isDashboardOnly(ctx: GatewayContext): boolean {
  return !authorize.runUnlistedOperation(principalOf(ctx.identity)).allowed;
}

/**
 * What depends only on the operation, worked out once per parsed operation and schema: Apollo Server keeps
 * one parsed document per query text (its document store, emptied when the schema changes), so a
 * dashboard's repeated operation is walked once, not at every request (issue 17: the two walks were about
 * a twentieth of the gateway's CPU on the dashboard's counts).
 */
function perOperation<T>(compute: (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) => T) {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, T>>();
  return (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): T => {
    let byOperation = bySchema.get(schema);
    if (!byOperation) bySchema.set(schema, (byOperation = new WeakMap()));
    let value = byOperation.get(operation);
    if (value === undefined) byOperation.set(operation, (value = compute(schema, document, operation)));
    return value;
  };
}

export function gatewayPolicyPlugin(classes: ClassMap, dashboardOperations: Map<string, string>, trail: AuditTrail): ApolloServerPlugin<GatewayContext> {
  // The classes an operation asks for (read only below).
  const classesAsked = perOperation((schema, document, operation) => requestedClasses(schema, document, operation, classes));
  // Whether it asks any sensitive aggregate at all, whatever its variables: a field of a sensitive family
  // is listed by sensitiveRequests whatever its arguments, which only decide whether it is in the published set.
  const asksSensitive = perOperation((schema, document, operation) => sensitiveRequests(schema, document, operation, {}).length > 0);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, document, operation, schema, request }) {
          if (!operation) return;
          const base = (op: string): Omit<AuditEntry, 'action' | 'typeName' | 'dataClass' | 'recordIds' | 'fields' | 'outcome'> => ({
            at: new Date().toISOString(),
            requestId: ctx.requestId,
            userId: ctx.identity.userId,
            organization: ctx.identity.organization,
            roles: [...ctx.identity.roles],
            operation: op,
          });
          const opName = operation.name?.value ?? operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])).join(',');
          const principal = principalOf(ctx.identity);
          const unlisted = authorize.runUnlistedOperation(principal);
          if (!unlisted.allowed && !isRegistered(dashboardOperations, request.query ?? '')) {
            trail.append([{ ...base(opName), action: 'DENY', typeName: null, dataClass: null, recordIds: [], fields: [], outcome: 'NOT_ALLOWLISTED' }]);
            enforce(unlisted);
          }
          const asked = classesAsked(schema, document, operation);
          const refused = [...asked.classes].filter((c) => !authorize.readClassAnywhere(principal, c));
          if (refused.length) {
            trail.append(
              refused.map((c) => ({
                ...base(opName),
                action: 'DENY' as const,
                typeName: null,
                dataClass: c,
                recordIds: [],
                fields: [...(asked.fieldsByClass.get(c) ?? [])],
                outcome: 'FORBIDDEN',
              })),
            );
            throw forbidden(`Bạn không được xem ${refused.map((c) => CLASS_NAMES_VI[c]).join(', ')}: yêu cầu bị từ chối trước khi gửi tới các tổ chức.`);
          }
          // Sensitive aggregates: outside their owner, only from the published set (a registered operation over
          // published periods and units), except for provincial leadership and the consolidators, audited.
          const registered = isRegistered(dashboardOperations, request.query ?? '');
          const sensitive = (asksSensitive(schema, document, operation) ? sensitiveRequests(schema, document, operation, request.variables ?? {}) : []).map(
            (r) => ({
              r,
              d: authorize.readSensitiveAggregate(principal, r.owner, r.field, registered && r.inPublishedSet),
            }),
          );
          const refusedSensitive = sensitive.filter((x) => !x.d.allowed);
          if (refusedSensitive.length) {
            trail.append([
              {
                ...base(opName),
                action: 'DENY',
                typeName: null,
                dataClass: 'PUBLIC_AGGREGATE',
                recordIds: [],
                fields: [...new Set(refusedSensitive.map((x) => x.r.field))],
                outcome: 'OUTSIDE_PUBLISHED_SET',
              },
            ]);
            enforce(refusedSensitive[0]!.d);
          }
          const auditedSensitive = [...new Set(sensitive.filter((x) => x.d.allowed && x.d.audited).map((x) => x.r.field))];
          if (auditedSensitive.length)
            trail.append([
              {
                ...base(opName),
                action: 'READ',
                typeName: null,
                dataClass: 'PUBLIC_AGGREGATE',
                recordIds: [],
                fields: auditedSensitive,
                outcome: 'SENSITIVE_AGGREGATE',
              },
            ]);
          const audited = [...asked.classes].filter(isAudited);
          // An answer kept for another caller of the same disclosure view (stale-reports.ts) may serve this
          // request only when the subgraph would record nothing per caller: no personal, sensitive or
          // crime-source data (each read with its record ids and, for a reporter's identity, its reason) and
          // no sensitive aggregate (small counts recorded).
          ctx.shareableReads = audited.length === 0 && sensitive.length === 0;
          // The same caller's identical reads in flight may share one subgraph request (dedup.ts: same verified
          // user, same token) when they ask no protected data; a sensitive aggregate may, since this request's
          // read of it is recorded here above and the gateway records whose answer it shared (SHARED_ANSWER).
          ctx.sameCallerReads = audited.length === 0;
          if (audited.length)
            trail.append(
              audited.map((c) => ({
                ...base(opName),
                action: 'READ' as const,
                typeName: null,
                dataClass: c,
                recordIds: [],
                fields: [...(asked.fieldsByClass.get(c) ?? [])],
                outcome: 'REQUESTED',
              })),
            );
        },
      };
    },
  };
}
