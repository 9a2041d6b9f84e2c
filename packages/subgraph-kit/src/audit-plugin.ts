/**
 * What a subgraph writes to its audit trail for each request: the reads of protected data and the
 * denials its data-class checks saw (collected on the context), every refusal an error reports, and
 * every write that failed. A write that succeeded is not here: its WRITE entry was appended in the
 * write's own transaction (writes.ts), so the trail cannot say OK for a record that was never stored.
 * One flush per request, at the end, in one transaction.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditEntry, AuditTrail } from '@antt/audit';
import type { AccessNote as Access, AccessRecorder, SubgraphContext } from './context.js';
import { auditCaller, operationLabel, type WriteRecorder } from './writes.js';

/** Collects a request's accesses, grouped by (action, type, class) so a list of 50 records is one entry. */
export class RequestAudit implements AccessRecorder, WriteRecorder {
  private readonly groups = new Map<
    string,
    { action: 'READ' | 'DENY'; typeName: string; dataClass: string; outcome: string; ids: Set<string>; fields: Set<string> }
  >();
  /** Response keys of the mutation fields that committed (their WRITE entry with them). */
  readonly written = new Set<string>();

  read(e: Access): void {
    this.add('READ', e, 'OK');
  }

  denied(e: Access & { outcome?: string }): void {
    this.add('DENY', e, e.outcome ?? 'FORBIDDEN');
  }

  failed(e: Access, code: string): void {
    this.add('READ', e, code);
  }

  wrote(responseKey: string): void {
    this.written.add(responseKey);
  }

  private add(action: 'READ' | 'DENY', e: Access, outcome: string): void {
    const key = `${action}|${e.typeName}|${e.dataClass}|${outcome}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { action, typeName: e.typeName, dataClass: e.dataClass, outcome, ids: new Set(), fields: new Set() }));
    if (e.recordId) g.ids.add(e.recordId);
    g.fields.add(e.field);
  }

  entries(base: Omit<AuditEntry, 'action' | 'typeName' | 'dataClass' | 'recordIds' | 'fields' | 'outcome'>): AuditEntry[] {
    return [...this.groups.values()].map((g) => ({
      ...base,
      action: g.action,
      typeName: g.typeName,
      dataClass: g.dataClass,
      recordIds: [...g.ids],
      fields: [...g.fields],
      outcome: g.outcome,
    }));
  }
}

export function auditPlugin(trail: AuditTrail): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, operation, errors }) {
          if (!ctx.scope) return;
          const base = { at: new Date().toISOString(), requestId: ctx.requestId ?? 'local', ...auditCaller(ctx.scope), operation: operationLabel(operation) };
          const audit = ctx.audit instanceof RequestAudit ? ctx.audit : undefined;
          const entries = audit ? audit.entries(base) : [];
          const code = (e: { extensions?: Record<string, unknown> }) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          if (operation?.operation === 'mutation') {
            // A failed attempt: no record ids (nothing was stored), the field's own error code, else
            // the request's (a variable that did not coerce stops every field).
            const requestError = (errors ?? []).find((e) => !e.path?.length);
            for (const s of operation.selectionSet.selections) {
              if (s.kind !== 'Field' || s.name.value === '__typename') continue;
              const key = s.alias?.value ?? s.name.value;
              if (audit?.written.has(key)) continue;
              const own = (errors ?? []).find((e) => e.path?.[0] === key) ?? requestError;
              if (own) entries.push({ ...base, action: 'WRITE', typeName: null, dataClass: null, recordIds: [], fields: [s.name.value], outcome: code(own) });
            }
          }
          // Refusals raised by repositories (not by the field checks, which recorded themselves).
          const checked = new Set(entries.filter((x) => x.action === 'DENY' && x.outcome === 'FORBIDDEN').flatMap((x) => x.fields));
          const refused = (errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && !checked.has(String(e.path?.at(-1) ?? '')));
          if (refused.length)
            entries.push({
              ...base,
              action: 'DENY',
              typeName: null,
              dataClass: null,
              recordIds: [],
              fields: refused.map((e) => e.path?.join('.') ?? ''),
              outcome: 'FORBIDDEN',
            });
          try {
            trail.append(entries);
          } catch (e) {
            // The answer is already decided (writes committed with their own entries); a trail that
            // cannot take these entries (a full disk) must not turn it into a failure.
            console.error(`[audit] ${entries.length} entries of request ${base.requestId} not recorded:`, e);
          }
        },
      };
    },
  };
}
