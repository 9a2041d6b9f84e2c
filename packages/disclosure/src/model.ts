/**
 * The published set as linear algebra. A cell is one figure a caller can be shown: a family's measure
 * for a unit (on a map), a period, a breakdown value and a report version. Its value is the sum of
 * variables, each the count of records in one atom (a unit records are kept under, a stretch of days
 * between period boundaries, a span of report versions, one breakdown value or flag). A report version
 * is one more coordinate: a record stands in the versions from its recording to its supersession, so the
 * difference between two versions is a linear combination of the same variables, and the audit sees it.
 *
 * Only atoms that hold records become variables: every other atom is fixed at its true value, zero,
 * which an attacker cannot know better than that; the audit is then at least as strict as the truth
 * (an interval over fewer unknowns is never wider).
 */

/** Which map a unit is read on: the map in force on the period's last day, or today's. */
export type MapView = 'PERIOD' | 'TODAY';

/** A cell's coordinates. */
export interface CellDims {
  family: string;
  /** 'total', 'by:<value>' (a breakdown value) or 'flag:<name>'. */
  measure: string;
  unitId: string;
  map: MapView;
  periodId: string;
  /** Report version ('current' for the live figures). */
  version: string;
}

export interface Cell {
  key: string;
  dims: CellDims;
  /** Variables whose sum is the cell, ascending. */
  vars: number[];
  value: number;
}

export interface PublishedSet {
  cells: Cell[];
  /** The true value of each variable (a count of records in one atom, always > 0). */
  truth: number[];
  /** A flag count never exceeds the records of its atom: truth[v] <= sum(truth[of]). */
  bounds: { v: number; of: number[] }[];
  /** Each variable's atom, as a stable key (unit, stretch of days, versions, measure): how two sets of the same scope are compared. */
  atoms?: string[];
}

/** What the suppression search and its audit read of a published set (a cell's coordinates are in its key). */
export interface SearchSet {
  cells: Pick<Cell, 'key' | 'vars' | 'value'>[];
  truth: PublishedSet['truth'];
  bounds: PublishedSet['bounds'];
}

/** The stable key of a cell: how a resolver asks the suppression pattern about the figure it is about to show. */
export function cellKey(d: CellDims): string {
  return `${d.family}|${d.measure}|${d.unitId}|${d.map}|${d.periodId}|${d.version}`;
}
