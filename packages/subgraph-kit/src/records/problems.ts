/**
 * Every problem of an input, reported at once: a user fixing a form wants to see all of it, not one
 * field per attempt. Messages name the field and the expected form; they never repeat the value typed
 * (it may be a name, a phone number, or what a tip said).
 */
import { GraphQLError } from 'graphql';

export interface Problem {
  /** The argument path the user must fix, e.g. `input.date`. */
  field: string;
  message: string;
  /** Stable machine code, e.g. REQUIRED, TOO_LONG, DATE_IN_FUTURE. */
  reason: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(field: string, message: string, reason: string): void {
    this.list.push({ field, message, reason });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one BAD_USER_INPUT error listing every problem; nothing is written. */
  throwIfAny(): void {
    if (this.list.length) throw inputProblems(this.list);
  }
}

export function inputProblems(list: readonly Problem[]): GraphQLError {
  const first = list[0]!;
  const message = list.length === 1 ? `${first.field}: ${first.message}` : `Dữ liệu chưa hợp lệ (${list.length} lỗi): ${list.map((p) => `${p.field}: ${p.message}`).join(' ')}`;
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: first.field, reason: first.reason, problems: list.map((p) => ({ ...p })) } });
}
