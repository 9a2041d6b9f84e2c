/**
 * _entities and _service answer only the gateway: it proves itself with a secret header that only it
 * holds (ANTT_GATEWAY_SECRET, else generated under .data/keys). Without it a user of a subgraph gets
 * exactly what their role allows through the ordinary root fields, and no entity lookups by id.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden } from '@antt/auth';
import type { SubgraphContext } from './context.js';

export const GATEWAY_HEADER = 'x-antt-gateway';
export const REQUEST_ID_HEADER = 'x-request-id';

export function isGatewaySecret(presented: string | string[] | undefined, secret: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function federationGuardPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const federationOnly = (operation?.selectionSet.selections ?? []).some((s) => s.kind === 'Field' && (s.name.value === '_entities' || s.name.value === '_service'));
          if (federationOnly && !contextValue.fromGateway) throw forbidden('_entities và _service chỉ dành cho gateway.');
        },
      };
    },
  };
}
