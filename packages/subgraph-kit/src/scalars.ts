/**
 * Date scalars that keep ISO strings. graphql-scalars' Date turns values into JS Date objects at UTC
 * midnight, which invites time-zone slips on civil dates; here a Date stays 'YYYY-MM-DD' end to end,
 * and a bad value is refused with a message in the users' language. The message never repeats the
 * value (it may sit in a form next to a name); graphql-js puts the field's path in front of it.
 * The gateway's API schema gets these same implementations, so it refuses a bad date with the same
 * message before calling any subgraph.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '@antt/reference';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError('ngày phải có dạng YYYY-MM-DD (năm-tháng-ngày), ví dụ 2021-08-19 cho ngày 19/08/2021.', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ngày).',
  serialize: (v) => parseDate(v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new GraphQLError('thời điểm phải có dạng ISO 8601 kèm múi giờ, ví dụ 2021-08-19T08:30:00+07:00.', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATETIME' },
    });
  }
  return value;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'A date and time in ISO 8601 with offset (thời điểm).',
  serialize: (v) => parseDateTime(v),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
