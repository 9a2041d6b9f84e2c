/**
 * The organizations in the federation. A new organization joins by adding its folder under
 * subgraphs/ and one line here.
 */
import { subgraph as front } from '@antt/front';
import { subgraph as police } from '@antt/police';
import { subgraph as veterans } from '@antt/veterans';
import { subgraph as women } from '@antt/women';
import { subgraph as youth } from '@antt/youth';
import { subgraph as labour } from '@antt/labour';
import { subgraph as farmers } from '@antt/farmers';
import { subgraph as elderly } from '@antt/elderly';
import { subgraph as infocomm } from '@antt/infocomm';
import type { OrganizationSubgraph } from '@antt/subgraph-kit';

export const SUBGRAPHS: readonly OrganizationSubgraph[] = [front, police, veterans, women, youth, labour, farmers, elderly, infocomm];
