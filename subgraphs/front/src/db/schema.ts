/**
 * The tables of the front database: the shared ones (activities; models, forums and opinions come from
 * the kit through drizzle.config.ts), then the organization's own, which follow from their declarations
 * (src/kinds). The Front's database also keeps the consolidated report's register (it issues the joint
 * document).
 */
import { kindTable } from '@antt/subgraph-kit';
import {
  commendations as commendationKind,
  inspections as inspectionKind,
  modelReviews as reviewKind,
  peopleOfStanding as peopleKind,
  plans as planKind,
  planTasks as taskKind,
} from '../kinds/index.js';

export { activities, auditLog, consolidatedReportNumbers, meta } from '@antt/subgraph-kit/tables';

export const modelReviews = kindTable(reviewKind.spec);
export const peopleOfStanding = kindTable(peopleKind.spec);
export const commendations = kindTable(commendationKind.spec);
export const plans = kindTable(planKind.spec);
export const planTasks = kindTable(taskKind.spec);
export const inspections = kindTable(inspectionKind.spec);
