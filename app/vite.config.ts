// The pages under /app: four HTML entries, one bundle graph, every asset (fonts included) emitted into
// dist/ and served by the gateway, so nothing is fetched from anywhere else.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/app/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts stay files (inlining them would make every page's CSS heavy).
    assetsInlineLimit: 0,
    // GraphiQL alone is about 1 MB: it is loaded by the explorer page only.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // GraphiQL's dependencies mark modules "use client" for React Server Components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        'lanh-dao': here('index.html'),
        'cong-khai': here('cong-khai/index.html'),
        'kham-pha': here('kham-pha/index.html'),
        'can-bo': here('can-bo/index.html'),
      },
    },
  },
});
