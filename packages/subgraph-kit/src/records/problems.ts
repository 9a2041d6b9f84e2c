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

/** How problems found under the framework's names are named for the caller: path by path, or by a rule. */
export type ArgumentNames = Readonly<Record<string, string>> | ((field: string) => string);

/**
 * The rule for a mutation whose input is not the kind's own (an established input type, a follow-up):
 * a problem under `input.<key>` or `changes.<key>` is named `<arg>.<name>`, `name` being the argument's
 * name for the kind's field `key` (`names`, default the key itself), e.g. `changes.decisionNote` as
 * `input.note`, `input.code` of a plan's task as `input.tasks[2].code`. Other paths are kept.
 */
export function inputNamed(names: Readonly<Record<string, string>> = {}, arg = 'input'): (field: string) => string {
  return (field) => {
    const m = /^(?:input|changes)\.(.+)$/.exec(field);
    return m ? `${arg}.${names[m[1]!] ?? m[1]}` : field;
  };
}

/**
 * Runs a write a mutation of its own makes through the framework (`create`, `correct`), reporting its
 * problems under the arguments the caller typed (`since`, `input.answeredOn`) rather than the
 * framework's (`changes.statusSince`); a problem whose field `fields` does not rename keeps its path.
 */
export function underArguments<T>(fields: ArgumentNames, write: () => T): T {
  const rename = typeof fields === 'function' ? fields : (f: string) => fields[f] ?? f;
  try {
    return write();
  } catch (e) {
    const problems = (e as GraphQLError | null)?.extensions?.problems as Problem[] | undefined;
    if ((e as GraphQLError | null)?.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(problems) || !problems.length) throw e;
    throw inputProblems(problems.map((p) => ({ ...p, field: rename(p.field) })));
  }
}
