import { describeOrganizationSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

describeOrganizationSubgraph(subgraph);
