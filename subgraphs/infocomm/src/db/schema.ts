/**
 * The tables of the information and communications database: the shared ones (activities), then its
 * own, made from the kinds' declarations (src/kinds). The body that answered for a record follows from
 * its date (src/resolvers), so it is no longer stored (migration 0004 dropped responsible_body, which
 * held exactly that).
 */
import { kindTable } from '@antt/subgraph-kit';
import { goodExamples, mediaItems, onlineWarnings } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';

export const infocommMediaItems = kindTable(mediaItems.spec);
export const infocommOnlineWarnings = kindTable(onlineWarnings.spec);
export const infocommGoodExamples = kindTable(goodExamples.spec);
