import { defineConfig } from 'vitest/config';

// Tests never touch .data/: the police key ring is a fixed, public test key.
// Servers stop at once (no linger with a 503 for late requests): tests stop many servers.
// A dashboard's first read of a sensitive count starts its subgraph's suppression pattern in the
// background (SECURITY.md, "Disclosure control"): over one district and one year in tests (seconds, not
// the province's minutes of CPU on a shared machine); the disclosure tests give their scope explicitly.
const env = {
  APOLLO_TELEMETRY_DISABLED: '1',
  ANTT_POLICE_IDENTITY_KEYS: `test:${Buffer.from('antt-graph test key, not secret!').toString('base64')}`,
  ANTT_SHUTDOWN_LINGER_MS: '0',
  ANTT_DISCLOSURE_SCOPE: 'district:119@2019',
  ANTT_DISCLOSURE_YEARS: '2024',
};

// Two tiers, picked by file name: *.test.ts run in-process (packages, each subgraph, composition);
// *.e2e.test.ts start every server on port 0 and talk HTTP.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
          env,
          // Composing the subgraphs cold takes about 5 s on two cores while other files run (more as
          // the schema grows); the default 5 s made the composition test flaky.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
