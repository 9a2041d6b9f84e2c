/**
 * `pnpm bench:soak`: the soak of issue 17 (soak.ts), then its results saved and BENCHMARKS.md's generated
 * part rewritten. Options: --minutes=N measured minutes (default 10), --rate=N requests per second
 * (default: 70% of the mix's maximum rate, measured first), --warmup=S seconds (60), --max-seconds=S of
 * the closed-loop run that finds the maximum (20), --communes=N (75), --interval=S seconds per interval
 * (60: a minute).
 */
import { parseArgs } from 'node:util';
import { machine, saveResult, writeBenchmarks } from './report.js';
import { runSoak } from './soak.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string' },
    warmup: { type: 'string', default: '60' },
    'max-seconds': { type: 'string', default: '20' },
    communes: { type: 'string', default: '75' },
    interval: { type: 'string', default: '60' },
  },
});
const minutes = Number(values.minutes);
if (!Number.isInteger(minutes) || minutes < 1) throw new Error('--minutes: a whole number, at least 1.');
const command = `pnpm bench:soak ${process.argv.slice(2).join(' ')}`.trim();
const result = await runSoak({
  minutes,
  intervalS: Number(values.interval),
  warmupS: Number(values.warmup),
  rate: values.rate === undefined ? undefined : Number(values.rate),
  fraction: 0.7,
  maxRateS: Number(values['max-seconds']),
  connections: 10,
  communes: Number(values.communes),
  writeShare: 0.1,
  log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
});
saveResult('soak', { ...result, machine: machine(), command });
console.log(`Wrote ${writeBenchmarks()} (${result.seconds.toFixed(0)} s)`);
