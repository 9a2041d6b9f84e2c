/**
 * How `pnpm start` watches the services it starts (issue 17/18): a start that keeps logging is slow, not
 * stuck, so the wait for a service's /health has no overall limit; it fails when the process exits, or
 * when it has written nothing for a while (`ANTT_START_SILENCE_S`, default 120 s: the subgraphs log one
 * line per start phase and per module of demo data, see `startPhases`). The failure names the service
 * and says why, in Vietnamese and English, with the last thing the service logged.
 *
 * Stopping is bounded too (issue 18): each service is sent SIGTERM, and one still running after the stop
 * grace period (`ANTT_STOP_GRACE_S`, default 30 s) is killed with SIGKILL, and named in the log.
 */
import type { ChildProcess } from 'node:child_process';

/** What the supervisor knows of one started service. */
export interface Watched {
  name: string;
  child: ChildProcess;
  /** When it last wrote a line (ms since the epoch), or was started. */
  lastOutputAt: number;
  /** Its last non-empty line of output, for the failure message. */
  lastLine: string;
}

/** A service that did not become healthy; `message` is for the operator. */
export class StartFailed extends Error {
  constructor(
    readonly service: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartFailed';
  }
}

/** Default silence before a starting service is declared stuck. */
export const DEFAULT_SILENCE_MS = 120_000;

export function silenceLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.ANTT_START_SILENCE_S);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_SILENCE_MS;
}

/** The readable part of a log line: a JSON line's `msg` (and `err.message`), else the line itself, shortened. */
export function readableLine(line: string): string {
  let text = line.trim();
  try {
    const j = JSON.parse(text) as { msg?: unknown; err?: { message?: unknown } };
    if (typeof j.msg === 'string') text = typeof j.err?.message === 'string' ? `${j.msg}: ${j.err.message}` : j.msg;
  } catch {
    // not JSON: the line as written
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Copies a child's stdout and stderr to ours (as `stdio: 'inherit'` would) and keeps when it last wrote
 * and its last line. The child must be spawned with `stdio: ['ignore', 'pipe', 'pipe']`.
 */
export function watch(name: string, child: ChildProcess, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Watched {
  const w: Watched = { name, child, lastOutputAt: Date.now(), lastLine: '' };
  const follow = (stream: NodeJS.ReadableStream | null, to: NodeJS.WritableStream) => {
    stream?.on('data', (chunk: Buffer) => {
      to.write(chunk);
      w.lastOutputAt = Date.now();
      const lines = chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim());
      if (lines.length) w.lastLine = lines.at(-1)!;
    });
  };
  follow(child.stdout, out);
  follow(child.stderr, err);
  return w;
}

/** Why a service stopped, for the operator (Vietnamese, then English). */
export function exitMessage(w: Watched): string {
  const how = w.child.signalCode ? `bị dừng bởi tín hiệu ${w.child.signalCode}` : `dừng với mã thoát ${w.child.exitCode}`;
  const howEn = w.child.signalCode ? `killed by ${w.child.signalCode}` : `exited with code ${w.child.exitCode}`;
  const last = w.lastLine ? readableLine(w.lastLine) : '';
  return (
    `Dịch vụ ${w.name} không khởi động được: tiến trình ${how} trước khi sẵn sàng.` +
    (last ? ` Dòng nhật ký cuối: ${last}` : ' Dịch vụ không ghi gì.') +
    ` (${w.name} failed to start: ${howEn} before it was healthy${last ? `; its last log line: ${last}` : '; it logged nothing'}.)`
  );
}

function silenceMessage(w: Watched, silentMs: number, url: string): string {
  const s = Math.round(silentMs / 1000);
  const last = w.lastLine ? readableLine(w.lastLine) : '';
  return (
    `Dịch vụ ${w.name} không khởi động được: ${s} giây không ghi gì và chưa trả lời ${url}.` +
    (last ? ` Dòng nhật ký cuối: ${last}` : '') +
    ` Nếu máy quá tải, đặt ANTT_START_SILENCE_S lớn hơn. (${w.name} made no progress: no output for ${s} s and ${url} does not answer` +
    `${last ? `; its last log line: ${last}` : ''}. On an overloaded machine raise ANTT_START_SILENCE_S.)`
  );
}

/**
 * Waits until `url` answers 2xx. Throws StartFailed when the process exits first, or writes nothing for
 * `silenceMs` while not healthy. A slow start that keeps logging is waited for as long as it takes.
 */
export async function waitHealthy(w: Watched, url: string, silenceMs = silenceLimitMs()): Promise<void> {
  const exited = () => w.child.exitCode !== null || w.child.signalCode !== null;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    if (exited()) throw new StartFailed(w.name, exitMessage(w));
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (exited()) throw new StartFailed(w.name, exitMessage(w));
    const silent = Date.now() - w.lastOutputAt;
    if (silent > silenceMs) throw new StartFailed(w.name, silenceMessage(w, silent, url));
    await nextOutputOr(w, delay);
  }
}

/**
 * Resolves after `ms`, or as soon as the service writes something (it logs `listening` when it listens):
 * the growing poll interval alone left a service that became healthy between two polls waiting for up
 * to a second, at the end of every start (issue 17).
 */
function nextOutputOr(w: Watched, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      w.child.stdout?.off('data', done);
      w.child.stderr?.off('data', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    w.child.stdout?.on('data', done);
    w.child.stderr?.on('data', done);
  });
}

/** Default time a service has to stop after SIGTERM before it is killed. */
export const DEFAULT_STOP_GRACE_MS = 30_000;

export function stopGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.ANTT_STOP_GRACE_S);
  return env.ANTT_STOP_GRACE_S && Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_STOP_GRACE_MS;
}

/** What the operator is told of a service that had to be killed (Vietnamese, then English). */
export function killedMessage(name: string, graceMs: number): string {
  const s = Math.round(graceMs / 100) / 10;
  return (
    `Dịch vụ ${name} không dừng sau ${s} giây kể từ tín hiệu dừng: đã buộc dừng bằng SIGKILL (thời gian chờ: ANTT_STOP_GRACE_S).` +
    ` (${name} did not stop within ${s} s of SIGTERM: killed with SIGKILL; the wait is ANTT_STOP_GRACE_S.)`
  );
}

/**
 * Stops every service still running: SIGTERM, then SIGKILL for each one still running after `graceMs`,
 * named through `report`. Resolves once all have exited, with the names of those that had to be killed.
 */
export async function stopServices(
  services: readonly Watched[],
  graceMs = stopGraceMs(),
  report: (message: string) => void = console.error,
): Promise<string[]> {
  const killed: string[] = [];
  const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
  await Promise.all(
    services
      .filter((w) => running(w.child))
      .map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              if (!running(w.child)) return;
              killed.push(w.name);
              report(killedMessage(w.name, graceMs));
              w.child.kill('SIGKILL');
            }, graceMs);
            w.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            w.child.kill('SIGTERM');
          }),
      ),
  );
  return killed;
}
