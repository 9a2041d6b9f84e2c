/**
 * The gateway's regular look at each organization's report watermark (packages/subgraph-kit/src/reports/
 * watermark.ts), read from the subgraph's readiness answer with the gateway's secret: an approval or a
 * correction made on the subgraph directly, not through the gateway, advances it, and the kept answers
 * about older report versions are dropped (stale-reports.ts). Every ANTT_REPORT_PROBE_MS (default 5 s),
 * one GET /ready per subgraph, all at once, each bounded by the subgraph timeout or the interval,
 * whichever is shorter; a probe that gets no answer changes nothing (the circuit breaker deals with a
 * subgraph that is down), and a subgraph whose circuit is not closed is not probed. The next round starts only when the last one has ended.
 */
import { GATEWAY_HEADER, serviceLog } from '@antt/subgraph-kit';

export interface WatermarkTarget {
  /** The subgraph's GraphQL URL; its readiness answer is `ready` beside it. */
  url: string;
  secret: string;
}

export interface ReportWatermarkProbeOptions {
  intervalMs: number;
  timeoutMs: number;
  /** Called with each watermark read. */
  onWatermark: (subgraph: string, watermark: number) => void;
  /**
   * Whether the subgraph's circuit is closed: one that is open or half-open is not probed (an open
   * circuit opens no socket to a hung subgraph; it is probed again once a call has closed it).
   */
  answering?: (subgraph: string) => boolean;
}

export class ReportWatermarkProbe {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly checkedAt = new Map<string, string>();
  private readonly log = serviceLog('gateway');

  constructor(
    private readonly targets: () => ReadonlyMap<string, WatermarkTarget>,
    private readonly opts: ReportWatermarkProbeOptions,
  ) {}

  /** Probes every subgraph now (the gateway's start waits for this first round), then every interval. */
  async start(): Promise<void> {
    await this.probeAll();
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probeAll().finally(() => this.schedule()), this.opts.intervalMs);
    this.timer.unref();
  }

  /** One round: every subgraph's watermark, read at once. */
  async probeAll(): Promise<void> {
    const targets = [...this.targets()].filter(([name]) => this.opts.answering?.(name) ?? true);
    await Promise.all(targets.map(([name, target]) => this.probe(name, target)));
  }

  private async probe(subgraph: string, target: WatermarkTarget): Promise<void> {
    try {
      const res = await fetch(new URL('ready', target.url), {
        headers: { [GATEWAY_HEADER]: target.secret },
        signal: AbortSignal.timeout(Math.min(this.opts.timeoutMs, this.opts.intervalMs)),
      });
      const body = (await res.json()) as { reportWatermark?: unknown };
      if (typeof body.reportWatermark !== 'number') return;
      this.opts.onWatermark(subgraph, body.reportWatermark);
      this.checkedAt.set(subgraph, new Date().toISOString());
    } catch (error) {
      // Down or hung: nothing learnt; readiness and the breaker say so elsewhere.
      this.log.debug({ subgraph, errorClass: (error as Error)?.name }, 'report watermark probe got no answer');
    }
  }

  /** When each subgraph's watermark was last read (readiness lists it: the window of a direct change not yet seen). */
  status(): Record<string, string | null> {
    return Object.fromEntries([...this.targets().keys()].map((name) => [name, this.checkedAt.get(name) ?? null]));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
