/** The tables of the veterans database: the shared ones (activities), then the organization's own. */
export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';
