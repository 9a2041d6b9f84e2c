/**
 * Where a service searches its suppression patterns (ServedPatterns.refresh): in a child process
 * (SolverProcess, the default where one can be started) or in its own thread (suppressInline).
 *
 * Why a process: the search runs HiGHS compiled to WebAssembly. Once compiled, its code (about 40 MiB)
 * and its memory (about 22 MiB; WebAssembly memory only grows) stay in the process that ran it, whether
 * the main thread or a worker thread that has ended (measured: the code is the process's). In a child
 * process that ends after a quiet while, they go with it: the subgraph keeps only the patterns (issue 17,
 * "each subgraph at most 150 MB resident"). The search also no longer shares the subgraph's event loop.
 * The cost is a process start and HiGHS's compilation (a few hundred milliseconds) on the first search
 * after a quiet while.
 *
 * Fail closed: a child that stops, or cannot start, fails every search it had; ServedPatterns then hides
 * the family's figures and backs off as for any failed computation.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { DisclosureParameters } from './config.js';
import type { SearchSet } from './model.js';
import type { SolverAnswer, SolverJob } from './solver-process.js';
import { suppressSet } from './suppress.js';

/** Searches the pattern of a published set: the keys of the cells to hide. */
export type Solver = (set: SearchSet, params: DisclosureParameters) => Promise<ReadonlySet<string>>;

/** In the caller's own thread, giving the event loop a turn every 50 ms. */
export const suppressInline: Solver = async (set, params) => (await suppressSet(set, params, { yieldEveryMs: 50 })).suppressed;

/** A search that failed in the child: its error's class only (the text may quote data). */
export class SolverError extends Error {
  constructor(readonly errorClass: string) {
    super(`The disclosure solver failed (${errorClass}).`);
    this.name = 'SolverError';
  }
}

export interface SolverProcessOptions {
  /** The child's module (default: solver-process next to this file, .js when built, .ts from the sources). */
  entry?: URL;
  /** Node options of the child (default: this process's, without inspector flags and without --no-liftoff). */
  execArgv?: string[];
  /** How long the child stays after its last search before it ends (default 30 s). */
  idleMs?: number;
}

interface Pending {
  resolve: (keys: ReadonlySet<string>) => void;
  reject: (e: Error) => void;
}

/**
 * One child process running the searches of every database of this process, one at a time. Started on
 * the first search, ended `idleMs` after the last answer. While a search is under way the child keeps
 * this process alive (a script awaiting a pattern gets it); idle, it does not, and it ends when this
 * process does (its channel closes).
 */
export class SolverProcess {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly entry: URL;
  private readonly execArgv: string[];
  private readonly idleMs: number;
  /** Children started so far, and the pid of the last answer's child (tests, metrics). */
  started = 0;
  lastPid: number | null = null;

  constructor(opts: SolverProcessOptions = {}) {
    this.entry = opts.entry ?? new URL(`./solver-process${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    // Liftoff (V8's quick WebAssembly compiler) is off in the subgraphs to keep their memory down (serviceRuntime);
    // the child's memory goes with it, so it compiles the quick way first.
    this.execArgv = opts.execArgv ?? process.execArgv.filter((a) => !a.startsWith('--inspect') && a !== '--no-liftoff');
    this.idleMs = opts.idleMs ?? 30_000;
  }

  /** Whether a child is running now. */
  get running(): boolean {
    return this.child !== null;
  }

  readonly solve: Solver = (set, params) =>
    new Promise<ReadonlySet<string>>((resolve, reject) => {
      const child = this.child ?? this.start();
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      hold(child, true);
      // What the search reads, no more: the structured clone copies every field it is given.
      const job: SolverJob = {
        id,
        set: { truth: set.truth, bounds: set.bounds, cells: set.cells.map((c) => ({ key: c.key, vars: c.vars, value: c.value })) },
        params,
      };
      child.send(job, (e) => {
        if (e && this.pending.delete(id)) reject(new SolverError(e.constructor.name));
      });
    });

  /** Ends the child now (a search under way fails); the next search starts another. */
  stop(): void {
    const child = this.child;
    if (!child) return;
    this.forget(child);
    child.kill();
  }

  private start(): ChildProcess {
    const child = fork(this.entry, [], { execArgv: this.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.started++;
    this.child = child;
    child.on('message', (a: SolverAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if ('errorClass' in a) p.reject(new SolverError(a.errorClass));
      else {
        this.lastPid = a.pid;
        p.resolve(new Set(a.suppressed));
      }
      if (!this.pending.size && this.child === child) {
        hold(child, false);
        this.idleTimer = setTimeout(() => this.endIdle(child), this.idleMs).unref();
      }
    });
    // A child that could not start reports 'error' and may never 'exit'.
    child.on('error', () => this.forget(child));
    child.on('exit', () => this.forget(child));
    return child;
  }

  private endIdle(child: ChildProcess): void {
    if (this.child !== child || this.pending.size) return;
    this.forget(child);
    // Closing the channel ends the child (solver-process.ts); it has no work left.
    if (child.connected) child.disconnect();
  }

  /** The child is no longer this solver's: its searches fail, the next search starts another. */
  private forget(child: ChildProcess): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new SolverError('SolverStopped'));
  }
}

/** Whether the child and its channel keep this process's event loop alive. */
function hold(child: ChildProcess, on: boolean): void {
  const channel = child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
  if (on) {
    child.ref();
    channel?.ref?.();
  } else {
    child.unref();
    channel?.unref?.();
  }
}

/**
 * Whether this process can start the child: always from the build (JavaScript); from the TypeScript sources
 * only when it was itself started with tsx's loader (`pnpm start`), which the child then inherits. Under
 * vitest, which compiles the sources its own way, searches run inline.
 */
export function canStartSolverProcess(): boolean {
  if (!import.meta.url.endsWith('.ts')) return true;
  return process.execArgv.some((a, i, all) => /[\\/]tsx[\\/]|^(--import=)?tsx$/.test(a) && (a.startsWith('--import=') || all[i - 1] === '--import'));
}

let shared: Solver | null = null;

/** The solver of this process's ServedPatterns: one SolverProcess when it can be started, inline otherwise. */
export function defaultSolver(): Solver {
  shared ??= canStartSolverProcess() ? new SolverProcess().solve : suppressInline;
  return shared;
}
