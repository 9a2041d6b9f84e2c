/**
 * Every problem of an input, reported at once: a user fixing a form wants to see all of it, not one
 * field per attempt. Messages name the field and the expected form; they never repeat the value typed
 * (it may be a name, a phone number, or what a tip said).
 */
import type { GraphQLError } from 'graphql';
import { invalidInputs } from '@antt/auth';

export interface Problem {
  /** The argument path the user must fix, e.g. `input.date`. */
  field: string;
  message: string;
  /** Stable machine code, e.g. REQUIRED, TOO_LONG, DATE_IN_FUTURE. */
  reason: string;
  /** The rule of law the refusal rests on, when there is one. */
  legalBasis?: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(field: string, message: string, reason: string, legalBasis?: string): void {
    this.list.push({ field, message, reason, ...(legalBasis ? { legalBasis } : {}) });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one BAD_USER_INPUT error listing every problem; nothing is written. */
  throwIfAny(): void {
    if (this.list.length) throw inputProblems(this.list);
  }
}

/** One BAD_USER_INPUT error for all the problems (the shape every validator of the graph reports in). */
export function inputProblems(list: readonly Problem[]): GraphQLError {
  return invalidInputs(list);
}

/**
 * Runs a write a mutation of its own makes through the framework (`correct`), reporting its problems
 * under the arguments the caller typed (`since`, `input.answeredOn`) rather than the framework's
 * (`changes.statusSince`); a problem whose field is not in `fields` keeps its path.
 */
export function underArguments<T>(fields: Readonly<Record<string, string>>, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const problems = (e as GraphQLError | null)?.extensions?.problems as Problem[] | undefined;
    if ((e as GraphQLError | null)?.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(problems) || !problems.length) throw e;
    throw inputProblems(problems.map((p) => ({ ...p, field: fields[p.field] ?? p.field })));
  }
}
