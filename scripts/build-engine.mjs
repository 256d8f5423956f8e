// Builds the Node-facing engine (package `exports`) and the CLI into dist/.
// compromise and valibot stay external: they are runtime dependencies of the package.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist/engine', { recursive: true, force: true });
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/types', { recursive: true, force: true });

/**
 * compromise's ESM entry is its source tree, a few hundred modules: resolving and compiling them
 * took about 100 ms of every cold start. Node loads the package's own single-file build instead
 * (its `require` export, the same version), still as a runtime dependency.
 */
const compromisePrebuilt = {
  name: 'compromise-prebuilt',
  setup(b) {
    b.onResolve({ filter: /^compromise\/two$/ }, () => ({ path: 'compromise/two', namespace: 'compromise-prebuilt' }));
    b.onLoad({ filter: /.*/, namespace: 'compromise-prebuilt' }, () => ({
      contents: "import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('compromise/two');\n",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['compromise', 'compromise/*', 'valibot'],
  plugins: [compromisePrebuilt],
  sourcemap: true,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: { index: 'src/engine/index.ts' }, outdir: 'dist/engine' });
await build({
  ...common,
  entryPoints: { tactful: 'src/cli/main.ts', eval: 'src/cli/eval.ts' },
  outdir: 'dist/cli',
});
execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.engine.json'],
  { stdio: 'inherit' },
);
