/**
 * Failed authentications at the gateway, summed up: one DENY entry per interval with how many attempts
 * and from how many client addresses, instead of one entry per attempt (a flood of bad tokens would
 * otherwise grow the trail as fast as it is sent). The addresses themselves are not kept.
 */
import { randomUUID } from 'node:crypto';
import type { AuditTrail } from '@antt/audit';

export class UnauthenticatedSummary {
  private attempts = 0;
  private readonly addresses = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly trail: AuditTrail,
    intervalMs = 60_000,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  count(address: string | undefined): void {
    this.attempts++;
    // Bounded: past 10 000 addresses in one interval, only the count grows.
    if (this.addresses.size < 10_000) this.addresses.add(address ?? 'unknown');
  }

  flush(): void {
    if (!this.attempts) return;
    const entry = {
      at: new Date().toISOString(),
      requestId: randomUUID(),
      userId: 'anonymous',
      organization: 'unknown',
      roles: [],
      operation: 'authentication failures (summary)',
      action: 'DENY' as const,
      typeName: null,
      dataClass: null,
      recordIds: [],
      fields: [`attempts:${this.attempts}`, `addresses:${this.addresses.size}`],
      outcome: 'UNAUTHENTICATED',
    };
    this.attempts = 0;
    this.addresses.clear();
    try {
      this.trail.append([entry]);
    } catch (e) {
      console.error('[audit] summary of failed authentications not recorded:', e);
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
