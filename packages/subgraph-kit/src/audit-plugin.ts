/**
 * What a subgraph writes to its audit trail for each request: the reads of protected data and the
 * denials its data-class checks saw (collected on the context), every write, and every refusal an
 * error reports. One flush per request, at the end, in one transaction.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditEntry, AuditTrail } from '@antt/audit';
import type { Scope } from '@antt/auth';
import type { AccessRecorder, SubgraphContext } from './context.js';

interface Access {
  typeName: string;
  field: string;
  recordId: string | null;
  dataClass: string;
}

/** Collects a request's accesses, grouped by (action, type, class) so a list of 50 records is one entry. */
export class RequestAudit implements AccessRecorder {
  private readonly groups = new Map<string, { action: 'READ' | 'DENY'; typeName: string; dataClass: string; ids: Set<string>; fields: Set<string> }>();

  read(e: Access): void {
    this.add('READ', e);
  }

  denied(e: Access): void {
    this.add('DENY', e);
  }

  private add(action: 'READ' | 'DENY', e: Access): void {
    const key = `${action}|${e.typeName}|${e.dataClass}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { action, typeName: e.typeName, dataClass: e.dataClass, ids: new Set(), fields: new Set() }));
    if (e.recordId) g.ids.add(e.recordId);
    g.fields.add(e.field);
  }

  entries(base: Omit<AuditEntry, 'action' | 'typeName' | 'dataClass' | 'recordIds' | 'fields' | 'outcome'>): AuditEntry[] {
    return [...this.groups.values()].map((g) => ({ ...base, action: g.action, typeName: g.typeName, dataClass: g.dataClass, recordIds: [...g.ids], fields: [...g.fields], outcome: g.action === 'DENY' ? 'FORBIDDEN' : 'OK' }));
  }
}

function caller(scope: Scope) {
  return { userId: scope.identity.userId, organization: scope.identity.organization, roles: [...scope.identity.roles] };
}

function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  const id = (value as { id?: unknown; receiptId?: unknown } | null)?.id ?? (value as { receiptId?: unknown } | null)?.receiptId;
  return typeof id === 'string' || typeof id === 'number' ? [String(id)] : [];
}

export function auditPlugin(trail: AuditTrail): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, operation, response, errors }) {
          if (!ctx.scope) return;
          const roots = operation?.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])) ?? [];
          const base = { at: new Date().toISOString(), requestId: ctx.requestId ?? 'local', ...caller(ctx.scope), operation: operation?.name?.value ?? (roots.join(',') || 'unknown') };
          const entries = ctx.audit instanceof RequestAudit ? ctx.audit.entries(base) : [];
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          if (operation?.operation === 'mutation') {
            const data = response.body.kind === 'single' ? (response.body.singleResult.data ?? {}) : {};
            entries.push({ ...base, action: 'WRITE', typeName: null, dataClass: null, recordIds: Object.values(data).flatMap(idsIn), fields: roots, outcome: codes[0] ?? 'OK' });
          }
          // Refusals raised by repositories (not by the field checks, which recorded themselves).
          const refused = (errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && !entries.some((x) => x.action === 'DENY'));
          if (refused.length) entries.push({ ...base, action: 'DENY', typeName: null, dataClass: null, recordIds: [], fields: refused.map((e) => e.path?.join('.') ?? ''), outcome: 'FORBIDDEN' });
          trail.append(entries);
        },
      };
    },
  };
}
