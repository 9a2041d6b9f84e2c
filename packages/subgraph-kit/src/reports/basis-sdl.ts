/** The SDL of the figures' basis on counts for a period (issue 15); applied by basis-fields.ts. */
/** The `figures` argument of a count for a period, in SDL (one wording everywhere). */
export const FIGURES_ARG_SDL = `"OFFICIAL (default): the figures of the approved report of the unit on the period, the records as they stood at its lock, when there is one; LIVE: read now. An explicit asRecordedAt overrides it (chọn nguồn số liệu)." figures: FiguresChoice = OFFICIAL`;

/** The `basis` field of a type of figures for a period, in SDL. */
export const BASIS_FIELD_SDL = `"Where these figures come from: live, or report version N locked on date D (nguồn số liệu)."
    basis: FiguresBasis!`;
