/**
 * `pnpm build`: the production build. Every run-time package (packages/*, subgraphs/*, gateway) gets
 * `dist/`, its `src/*.ts` compiled to JavaScript file by file with esbuild (not bundled; esbuild only
 * removes the types: `pnpm build` runs `tsc --noEmit` over the workspace first, which checks them).
 *
 * Why not a bundler: the services find their migrations, schema.graphql, fonts, unit list, dashboard
 * operations and supergraph next to their code (`new URL('../drizzle', import.meta.url)`). Compiling
 * each file to the same place under dist/ that it had under src/ keeps every such path right without a
 * loader or a copy step, and better-sqlite3 (native), pdfmake and exceljs stay ordinary dependencies
 * rather than bundled CommonJS. Why not `tsc -b`: the packages import each other's sources, which project
 * references would have to turn into declaration files; the settings (`isolatedModules`,
 * `verbatimModuleSyntax`) already make every file compile on its own, and esbuild does that in well under
 * a second where TypeScript's transpiler took 9 s of CPU here.
 *
 * Packages resolve each other's dist/ under the `antt-build` export condition:
 * `node --conditions=antt-build gateway/dist/index.js`. A runtime-only install of one service is
 * `pnpm --filter @antt/<name> deploy --prod <dir>` (OPERATIONS.md).
 *
 * A file is left out of dist/ when it imports a development dependency of its package (vitest, the
 * composition tools, the subgraphs the gateway composes) or a file left out, so that what ships needs
 * only its package's `dependencies`; the build fails if an emitted file imports anything else.
 */
import { builtinModules } from 'node:module';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages a service runs from (packages/testing, test and app are not among them). */
export function runtimePackages(): string[] {
  const packages = ['audit', 'auth', 'casework', 'disclosure', 'documents', 'reference', 'subgraph-kit'].map((p) => join('packages', p));
  const orgs = readdirSync(join(ROOT, 'subgraphs')).filter((d) => existsSync(join(ROOT, 'subgraphs', d, 'package.json')));
  return [...packages, ...orgs.map((o) => join('subgraphs', o)), 'gateway'];
}

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The package an import names: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const builtins = new Set(builtinModules);
const isBuiltin = (s: string) => s.startsWith('node:') || builtins.has(packageOf(s));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * What a module imports: `from '…'` (imports and re-exports), `import '…'` and `import('…')`; `import type`
 * counts too. TypeScript's own pre-processor reads them, so a string that merely contains `from '…'` is
 * never taken for an import.
 */
export function importsOf(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** The source files of a package that ship: those not reaching a development dependency. */
function shippedFiles(pkgDir: string, pkg: PackageJson): string[] {
  const files = sourceFiles(join(pkgDir, 'src'));
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}).filter((d) => !(pkg.dependencies && d in pkg.dependencies)));
  const excluded = new Set<string>();
  const relativeImports = new Map<string, string[]>();
  for (const f of files) {
    const specs = importsOf(readFileSync(f, 'utf8'));
    if (specs.some((s) => !s.startsWith('.') && dev.has(packageOf(s)))) excluded.add(f);
    relativeImports.set(
      f,
      specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts'))),
    );
  }
  // A file importing a left-out file is left out too, until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const f of files)
      if (!excluded.has(f) && relativeImports.get(f)!.some((i) => excluded.has(i))) {
        excluded.add(f);
        changed = true;
      }
  }
  return files.filter((f) => !excluded.has(f));
}

export interface BuildResult {
  packages: number;
  files: number;
  left: number;
  ms: number;
}

/** Compiles every run-time package into its dist/ and copies the built pages into gateway/dist-pages. */
export function build(): BuildResult {
  const started = performance.now();
  let files = 0;
  let left = 0;
  const problems: string[] = [];
  for (const rel of runtimePackages()) {
    const pkgDir = join(ROOT, rel);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageJson;
    const out = join(pkgDir, 'dist');
    rmSync(out, { recursive: true, force: true });
    const shipped = shippedFiles(pkgDir, pkg);
    left += sourceFiles(join(pkgDir, 'src')).length - shipped.length;
    const allowed = new Set(Object.keys(pkg.dependencies ?? {}));
    let result: { errors: { text: string; location?: { file: string } | null }[] };
    try {
      result = buildSync({
        entryPoints: shipped,
        outbase: join(pkgDir, 'src'),
        outdir: out,
        bundle: false,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcemap: true,
        // Imports stay exactly as written (`import type` is the only thing removed), as with tsc.
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
        logLevel: 'silent',
      });
    } catch (e) {
      // esbuild throws on a syntax error, with the details in `errors`.
      result = e as typeof result;
    }
    for (const e of result.errors ?? []) problems.push(`${e.location?.file ?? rel}: ${e.text}`);
    for (const file of shipped) {
      const target = join(out, relative(join(pkgDir, 'src'), file)).replace(/\.ts$/, '.js');
      for (const s of importsOf(readFileSync(target, 'utf8')))
        if (!s.startsWith('.') && !isBuiltin(s) && !allowed.has(packageOf(s)))
          problems.push(`${relative(ROOT, file)} imports ${s}, which is not among ${pkg.name}'s dependencies.`);
      files++;
    }
  }
  // The gateway serves the pages from its own folder, so that a runtime-only install of it carries them.
  const pages = join(ROOT, 'app', 'dist');
  const gatewayPages = join(ROOT, 'gateway', 'dist-pages');
  rmSync(gatewayPages, { recursive: true, force: true });
  if (existsSync(pages)) cpSync(pages, gatewayPages, { recursive: true });
  if (problems.length) throw new Error(`The build failed:\n${problems.join('\n')}`);
  return { packages: runtimePackages().length, files, left, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = build();
    console.log(`Built ${r.files} files of ${r.packages} packages into their dist/ in ${r.ms} ms (${r.left} development-only files left out).`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
