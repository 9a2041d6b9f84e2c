/**
 * Entries of several requests written in one transaction of the trail: those appended in the same turn
 * of the event loop are chained and committed together when it ends, and each appender learns when its
 * entries are stored (or why they are not). A server that must not answer before its entry is stored
 * awaits it; many concurrent requests then cost one commit instead of one each (issue 17: the gateway's
 * commits of its trail were about a tenth of its CPU on a dashboard's distinct requests). An appender
 * waits one turn more than it would have.
 */
import type { AuditEntry, AuditTrail } from './trail.js';

interface Waiting {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class TrailGroup {
  private queue: Waiting[] = [];
  /** Commits made, and the appends they stored (metrics, tests). */
  commits = 0;
  appends = 0;

  constructor(private readonly trail: AuditTrail) {}

  /** Settles once the entries are committed, in the order appended; rejects with the failure when they are not. */
  append(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (this.queue.push({ entries, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const waiting = this.queue;
    this.queue = [];
    try {
      // One transaction (trail.ts): all of them stored, or none.
      this.trail.append(waiting.flatMap((w) => w.entries));
    } catch (error) {
      for (const w of waiting) w.reject(error);
      return;
    }
    this.commits++;
    this.appends += waiting.length;
    for (const w of waiting) w.resolve();
  }
}
