/**
 * Roles are looked at in one place, the authorization module (packages/auth/src): a role check
 * anywhere else decides on its own and drifts from the others. This test reads every source file of
 * the workspace and fails on a raw role check outside the module. PENDING lists the call sites still
 * waiting to move, with their count; it is empty now and may only shrink.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ROLE = `(?:${ROLES.join('|')})`;
const PATTERNS: RegExp[] = [
  /\.roles\s*\.\s*(?:includes|some|every|indexOf|find|filter)\s*\(/,
  /\bhasRole\s*\(/,
  new RegExp(`\\.has\\(\\s*'${ROLE}'\\s*\\)`),
  new RegExp(`[=!]==\\s*'${ROLE}'`),
  new RegExp(`'${ROLE}'\\s*[=!]==`),
];

/** Raw role checks waiting for their files' owners (file → count); may only shrink. */
const PENDING: Record<string, number> = {};

const SKIP_DIRS = new Set(['node_modules', '.git', '.data', 'generated', 'dist', 'coverage', 'fixtures']);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(?:ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every raw role check outside the module: `file:line: text`. */
export function rawRoleChecks(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const top of ['packages', 'subgraphs', 'gateway', 'scripts', 'test']) {
    for (const path of sources(join(ROOT, top))) {
      const file = relative(ROOT, path).split('\\').join('/');
      if (file.startsWith('packages/auth/src/') || file === 'packages/auth/test/raw-role-checks.test.ts') continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (PATTERNS.some((p) => p.test(line))) {
            const list = found.get(file) ?? [];
            list.push(`${file}:${i + 1}: ${line.trim()}`);
            found.set(file, list);
          }
        });
    }
  }
  return found;
}

describe('role checks', () => {
  const found = rawRoleChecks();

  it('happen only in the authorization module, apart from the call sites listed as pending', () => {
    const unexpected = [...found].filter(([file]) => !(file in PENDING)).flatMap(([, lines]) => lines);
    expect(unexpected).toEqual([]);
  });

  it('pending call sites only go away: a pending file never gains a check, and a file with none left is taken off the list', () => {
    const counts = Object.fromEntries(Object.keys(PENDING).map((file) => [file, found.get(file)?.length ?? 0]));
    for (const [file, n] of Object.entries(counts)) expect(n, `${file}: ${(found.get(file) ?? []).join('\n')}`).toBeLessThanOrEqual(PENDING[file]!);
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
  });

  it('are found by the scan (a check of the scanner itself)', () => {
    expect(PATTERNS.some((p) => p.test("if (ctx.scope.has('LEADER')) return;"))).toBe(true);
    expect(PATTERNS.some((p) => p.test("identity.roles.includes('STAFF')"))).toBe(true);
    expect(PATTERNS.some((p) => p.test("roles: ['STAFF']"))).toBe(false);
  });
});
