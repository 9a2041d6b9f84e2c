/**
 * _entities and _service answer only the gateway: it proves itself with a secret header that only it
 * holds (ANTT_GATEWAY_SECRET, else generated under .data/keys). Without it a user of a subgraph gets
 * exactly what their role allows through the ordinary root fields, and no entity lookups by id.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { visit } from 'graphql';
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
        async didResolveOperation({ document, contextValue }) {
          if (contextValue.fromGateway) return;
          // Anywhere in the document, fragments included: `{ ... on Query { _service { sdl } } }` must not slip through.
          let federationOnly = false;
          visit(document, {
            Field(node) {
              if (node.name.value === '_entities' || node.name.value === '_service') federationOnly = true;
            },
          });
          if (federationOnly) throw forbidden('_entities và _service chỉ dành cho gateway.');
        },
      };
    },
  };
}
