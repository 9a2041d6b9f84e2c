/**
 * Every figure the API returns for a period says where it comes from (issue 15): live, or report
 * version N locked on date D. This walks the composed supergraph's public schema and fails for any field
 * that takes a period (`periodId` or `year`) and returns counts without the `figures` argument (OFFICIAL
 * by default) and a `FiguresBasis`, either on what it returns (`basis`) or as a sibling `<field>Basis`
 * taking the same arguments: a new count field cannot forget it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import { SUPERGRAPH_FILE } from '@antt/gateway';

const api: GraphQLSchema = buildSchema(printSchema(Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema()));
const PERIOD_ARGS = ['periodId', 'year'];
const NUMBERS = ['Int', 'Float'];

/**
 * A type of figures: numbers among its own fields or in a breakdown (a list of counts), and no record
 * (no `id`, no page of records). A document (its byteLength) or a period is not a breakdown.
 */
function isFigures(type: GraphQLNamedType | undefined, depth = 0): boolean {
  if (!type) return false;
  if (NUMBERS.includes(type.name)) return true;
  if (!isObjectType(type) || type.name === 'FiguresBasis' || type.name.endsWith('Connection') || 'id' in type.getFields()) return false;
  return Object.values(type.getFields()).some(
    (f) => NUMBERS.includes(getNamedType(f.type).name) || (depth === 0 && String(f.type).startsWith('[') && isFigures(getNamedType(f.type), 1)),
  );
}

/** The fields that return counts for a period. */
function countFields(): { parent: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
  const out: { parent: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = [];
  for (const type of Object.values(api.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === api.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => PERIOD_ARGS.includes(a.name))) continue;
      if (field.name.endsWith('Basis') || !isFigures(getNamedType(field.type))) continue;
      out.push({ parent: type, field });
    }
  }
  return out;
}

function basisProblems(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string[] {
  const at = `${parent.name}.${field.name}`;
  const problems: string[] = [];
  const figures = field.args.find((a) => a.name === 'figures');
  if (!figures || String(figures.type) !== 'FiguresChoice' || figures.defaultValue !== 'OFFICIAL') problems.push(`${at}: no figures: FiguresChoice = OFFICIAL`);
  const named = getNamedType(field.type);
  const own = isObjectType(named) ? named.getFields().basis : undefined;
  // A sibling `<field>Basis`, or one shared by fields of the same stem (activityCountsBasis for activityCounts and activityCountsByTask).
  const sibling = Object.values(parent.getFields()).find((f) => f.name.endsWith('Basis') && field.name.startsWith(f.name.slice(0, -'Basis'.length)));
  if (own) {
    if (String(own.type) !== 'FiguresBasis!') problems.push(`${at}: basis is ${String(own.type)}, not FiguresBasis!`);
  } else if (sibling) {
    if (String(sibling.type) !== 'FiguresBasis!') problems.push(`${at}Basis is ${String(sibling.type)}, not FiguresBasis!`);
    const want = field.args.map((a) => `${a.name}: ${String(a.type)}`).filter((a) => !/^(first|after|kind|status|type|view)\b/.test(a));
    const have = sibling.args.map((a) => `${a.name}: ${String(a.type)}`);
    for (const a of want) if (!have.includes(a)) problems.push(`${at}Basis lacks the argument ${a}`);
  } else problems.push(`${at}: no basis (a basis field on ${named?.name ?? '?'} or a sibling ${field.name}Basis)`);
  return problems;
}

describe('every count for a period says live or locked', () => {
  it('finds the count fields (the walk itself works)', () => {
    const names = countFields().map(({ parent, field }) => `${parent.name}.${field.name}`);
    // Known count fields of several kinds: a list of counts, a summary object, a bare number, the standard's indicators.
    expect(names).toEqual(
      expect.arrayContaining([
        'PoliceUnitRecords.activityCounts',
        'WomenUnitRecords.forumCounts',
        'VeteransUnitRecords.patrols',
        'PoliceUnitRecords.overdueTips',
        'PoliceUnitRecords.standardIndicators',
      ]),
    );
    // Pages of records are not counts.
    expect(names).not.toContain('PoliceUnitRecords.activities');
    expect(names).not.toContain('Query.policeActivities');
  });

  it('gives each the figures argument (OFFICIAL by default) and a FiguresBasis', () => {
    const problems = countFields().flatMap(({ parent, field }) => basisProblems(parent, field));
    expect(problems).toEqual([]);
  });
});
