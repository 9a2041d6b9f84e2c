/**
 * `pnpm bench`: the benchmark suite (suite.ts) with the settings, then BENCHMARKS.md rewritten
 * from its results (report.ts). Options: --seconds=S per measured run (default 5), --runs=N (3),
 * --warmup=S (2) per scenario, --warm-federation=S (300: the whole federation run before anything is
 * measured, suite.ts warmFederation), --communes=N (75), --only=Name,Name (dashboard operation or README query names),
 * --no-full (skip the writes at synchronous=FULL, which start one more federation of their own).
 */
import { parseArgs } from 'node:util';
import { runSuite } from './suite.js';
import { machine, saveResult, writeBenchmarks } from './report.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    'warm-federation': { type: 'string', default: '300' },
    communes: { type: 'string', default: '75' },
    only: { type: 'string' },
    'no-full': { type: 'boolean', default: false },
  },
});
const command = `pnpm bench ${process.argv.slice(2).join(' ')}`.trim();
const result = await runSuite({
  durationS: Number(values.seconds),
  runs: Number(values.runs),
  warmupS: Number(values.warmup),
  warmFederationS: Number(values['warm-federation']),
  connections: 10,
  writeConnections: 8,
  communes: Number(values.communes),
  only: values.only?.split(','),
  extras: true,
  full: !values['no-full'],
  log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
  // Written as it goes: a run cut short still leaves its figures (the file says which were measured).
  progress: (partial) => {
    saveResult('suite', { ...partial, machine: machine(), command: `${command} (interrupted before the end)` });
    writeBenchmarks();
  },
});
saveResult('suite', { ...result, machine: machine(), command });
console.log(`Wrote ${writeBenchmarks()} (${result.seconds.toFixed(0)} s)`);
