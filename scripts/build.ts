/**
 * `pnpm build`: the production build. Every run-time package (packages/*, subgraphs/*, gateway) gets
 * `dist/`, its `src/*.ts` compiled to JavaScript file by file with esbuild (not bundled; esbuild only
 * removes the types: `pnpm build` runs `tsc --noEmit` over the workspace first, which checks them).
 *
 * Then each service (the nine subgraphs and the gateway) is bundled into one file, its `dist/index.js`
 * (`bundleService`): loading some 1,400 modules one by one was most of a service's start (issue 17;
 * BENCHMARKS.md has the figures). The services find their migrations, schema.graphql, fonts, unit list,
 * dashboard operations and supergraph next to their code (`new URL('../drizzle', import.meta.url)`); in
 * the bundle every workspace file's `import.meta.url` is replaced by the URL its own compiled file has
 * under its package's dist/, the package found at run time as Node finds it from the service (through the
 * packages that depend on it), so those paths stay right in the checkout and in a `pnpm deploy`. Left out
 * of the bundle and loaded at run time the same way: better-sqlite3 (a native addon), highs (finds its
 * WebAssembly file next to its own module), and what a workspace file imports with `import('…')` (the
 * document renderers, the tracing SDK: loaded at first use, not at start). Why not `tsc -b`: the packages import each other's sources, which project
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
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, buildSync, type Plugin } from 'esbuild';
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
export async function build(): Promise<BuildResult> {
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
  for (const rel of runtimePackages().filter((p) => p.startsWith('subgraphs') || p === 'gateway')) {
    try {
      for (const p of await bundleService(rel)) problems.push(p);
    } catch (e) {
      const errors = (e as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
      if (!errors) throw e;
      for (const x of errors) problems.push(`${x.location?.file ?? rel}: ${x.text}`);
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

/**
 * Packages a bundle leaves out and loads at run time from where Node finds them: better-sqlite3 is a
 * native addon found by its own path, highs reads its WebAssembly file next to its own module.
 */
const RUN_TIME_PACKAGES = ['better-sqlite3', 'highs'];

/** The workspace's packages by name: folder and run-time dependencies. */
function workspacePackages(): Map<string, { dir: string; deps: string[] }> {
  const all = new Map<string, { dir: string; deps: string[] }>();
  for (const rel of [...runtimePackages(), join('packages', 'testing')]) {
    const pkg = JSON.parse(readFileSync(join(ROOT, rel, 'package.json'), 'utf8')) as PackageJson;
    all.set(pkg.name, { dir: join(ROOT, rel), deps: Object.keys(pkg.dependencies ?? {}) });
  }
  return all;
}

/**
 * From a service's package, the packages through which Node reaches each workspace package and each
 * run-time package (`['@antt/subgraph-kit', '@antt/audit']`): the first path found, breadth first.
 */
function dependencyChains(service: string, all: ReturnType<typeof workspacePackages>): Map<string, string[]> {
  const chains = new Map<string, string[]>([[service, []]]);
  const queue = [service];
  while (queue.length) {
    const name = queue.shift()!;
    for (const dep of all.get(name)?.deps ?? []) {
      if (chains.has(dep)) continue;
      chains.set(dep, [...chains.get(name)!, dep]);
      if (all.has(dep)) queue.push(dep);
    }
  }
  return chains;
}

/**
 * Run-time helpers at the top of a bundle: `require` for the bundled CommonJS, and a package's folder,
 * a file of it or a module it imports, found from the service along a chain of dependencies (memoized).
 */
const BUNDLE_BANNER = `import { createRequire as __anttCreateRequire } from 'node:module';
import { existsSync as __anttExists } from 'node:fs';
import { dirname as __anttDirname, join as __anttJoin } from 'node:path';
import { fileURLToPath as __anttToPath, pathToFileURL as __anttToUrl } from 'node:url';
const require = __anttCreateRequire(import.meta.url);
const __anttFound = new Map();
function __anttEntry(chain) {
  let from = __anttToPath(import.meta.url);
  for (const name of chain) from = __anttCreateRequire(from).resolve(name);
  return from;
}
function __anttUrl(chain, file) {
  const key = chain.join(' ');
  let root = __anttFound.get(key);
  if (root === undefined) {
    root = __anttDirname(__anttEntry(chain));
    while (!__anttExists(__anttJoin(root, 'package.json'))) root = __anttDirname(root);
    __anttFound.set(key, root);
  }
  return __anttToUrl(__anttJoin(root, file)).href;
}
const __anttImport = (chain, name) => __anttToUrl(__anttCreateRequire(__anttEntry(chain)).resolve(name)).href;
const __anttRequire = (chain, name) => __anttCreateRequire(__anttEntry(chain))(name);`;

/**
 * Bundles one service (`subgraphs/<org>` or `gateway`) into its `dist/index.js`, after the file-by-file
 * build (the workspace packages are bundled from their dist/, as the `antt-build` condition finds them).
 * Returns problems: an import left to run time that its package does not declare.
 */
export async function bundleService(rel: string): Promise<string[]> {
  const pkgDir = join(ROOT, rel);
  const all = workspacePackages();
  const service = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageJson).name;
  const chains = dependencyChains(service, all);
  const problems: string[] = [];
  /** The workspace package a file belongs to, with its chain and the file's path under dist/. */
  const ownerOf = (file: string) => {
    for (const [name, { dir }] of all)
      if (file.startsWith(dir + sep)) {
        const inPkg = relative(dir, file).split(sep).join('/');
        return { name, chain: chains.get(name), distFile: inPkg.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js') };
      }
    return undefined;
  };
  const runTime: Plugin = {
    name: 'antt-run-time-paths',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${RUN_TIME_PACKAGES.join('|')})$`) }, (a) => ({ path: a.path, namespace: 'antt-run-time', pluginData: a.importer }));
      b.onLoad({ filter: /.*/, namespace: 'antt-run-time' }, (a) => {
        const chain = chains.get(a.path);
        if (!chain) problems.push(`${relative(ROOT, String(a.pluginData))} imports ${a.path}, which no package of ${service} depends on.`);
        return { contents: `module.exports = __anttRequire(${JSON.stringify((chain ?? []).slice(0, -1))}, ${JSON.stringify(a.path)});`, loader: 'js' };
      });
      b.onLoad({ filter: /\.(js|ts)$/ }, (a) => {
        const owner = ownerOf(a.path);
        if (!owner || a.path.includes(`${sep}node_modules${sep}`)) return undefined;
        let code = readFileSync(a.path, 'utf8');
        if (!owner.chain) {
          problems.push(`${relative(ROOT, a.path)} is in the bundle of ${service}, which does not depend on ${owner.name}.`);
          return undefined;
        }
        const chain = JSON.stringify(owner.chain);
        const rewritten = code
          .replaceAll('import.meta.url', `__anttUrl(${chain}, ${JSON.stringify(owner.distFile)})`)
          .replace(/\bimport\((['"])([^.'"][^'"]*)\1\)/g, (_m, _q, name: string) => `import(__anttImport(${chain}, ${JSON.stringify(name)}))`);
        if (rewritten === code) return undefined;
        code = rewritten;
        return { contents: code, loader: a.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(a.path) };
      });
    },
  };
  await esbuild({
    entryPoints: [join(pkgDir, 'src', 'index.ts')],
    outfile: join(pkgDir, 'dist', 'index.js'),
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['antt-build'],
    sourcemap: true,
    banner: { js: BUNDLE_BANNER },
    plugins: [runTime],
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    logLevel: 'silent',
  });
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = await build();
    console.log(`Built ${r.files} files of ${r.packages} packages into their dist/ in ${r.ms} ms (${r.left} development-only files left out).`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
