/**
 * The child process that searches suppression patterns for a service (SolverProcess in solver.ts starts
 * it): HiGHS, the WebAssembly linear-programming solver, is compiled and run here, so its compiled code
 * (about 40 MiB) and its memory (about 22 MiB, which WebAssembly never gives back) leave with this
 * process instead of staying in the subgraph's for good (issue 17: the police subgraph held 196 MiB after
 * its first pattern against 125 before it).
 *
 * One job at a time, in the order they come; each answer carries the job's id. The process ends when its
 * parent closes the channel (SolverProcess does after a quiet while) or dies.
 */
import type { DisclosureParameters } from './config.js';
import type { SearchSet } from './model.js';
import { suppressSet } from './suppress.js';

export interface SolverJob {
  id: number;
  set: SearchSet;
  params: DisclosureParameters;
}

/** A job's answer: the hidden cells' keys, or the error's class (never its text, which may quote data). */
export type SolverAnswer = { id: number; suppressed: string[]; programs: number; pid: number } | { id: number; errorClass: string };

let queue: Promise<void> = Promise.resolve();

process.on('message', (job: SolverJob) => {
  queue = queue.then(async () => {
    let answer: SolverAnswer;
    try {
      const pattern = await suppressSet(job.set, job.params);
      answer = { id: job.id, suppressed: [...pattern.suppressed], programs: pattern.programs, pid: process.pid };
    } catch (e) {
      answer = { id: job.id, errorClass: e instanceof Error ? e.constructor.name : typeof e };
    }
    // The parent may be gone (it then closed the channel): nothing to answer.
    if (process.connected) process.send!(answer);
  });
});
process.on('disconnect', () => process.exit(0));
