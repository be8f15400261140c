// Bundle the CLI with esbuild: ESM with code splitting, so Ink and React sit in chunks that only
// the interactive paths import(). Bundling matters for start-up: importing ink from plain tsc
// output costs ~600 ms, bundled ~160 ms.
import * as esbuild from 'esbuild';
import fs from 'node:fs';

// conf imports ajv at module load but only uses it when given a JSON schema; we validate with
// zod instead, so ajv (about 300 KB, ~40 ms of start-up) is replaced by a stub that fails loudly
// if conf ever does reach for it.
const stubAjv = {
  name: 'stub-ajv',
  setup(build) {
    build.onResolve({ filter: /^ajv(\/dist\/2020\.js)?$|^ajv-formats$/ }, (args) => ({ path: args.path, namespace: 'stub-ajv' }));
    build.onLoad({ filter: /.*/, namespace: 'stub-ajv' }, () => ({
      contents:
        'export class Ajv2020 { constructor() { throw new Error("ajv is not bundled: CareerForge validates with zod"); } }\nexport default function () {}\n',
      loader: 'js',
    }));
  },
};

// ollama-js tests `headers instanceof Headers` on every request. Touching the global Headers makes
// Node load undici, its whole fetch implementation: ~50 ms of start-up that CareerForge never
// needs (src/core/llm/http-fetch.ts speaks HTTP with node:http). We never pass a Headers object, so the
// test is rewritten to one that does not touch the global; the build fails if the code moves.
const ollamaHeaders = {
  name: 'ollama-headers',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]ollama[\\/]dist[\\/]browser\.mjs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const needle = 'if (headers instanceof Headers) {';
      if (!source.includes(needle)) throw new Error(`ollama-headers: "${needle}" not found in ${args.path}; review the patch`);
      return { contents: source.replace(needle, "if (headers && typeof headers === 'object' && !Array.isArray(headers) && typeof headers.forEach === 'function') {"), loader: 'js' };
    });
  },
};

// yoga-layout (Ink's layout engine) ships its WebAssembly inline as a data: URI, and its Emscripten
// loader reads that URI through fetch() whenever fetch exists, which loads undici (~30 ms) on every
// interactive command. Its own fallback decodes the same bytes synchronously; use it directly.
const yogaInlineWasm = {
  name: 'yoga-inline-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const pattern = /return \w+\|\|"function"!=typeof fetch\?Promise\.resolve\(\)/;
      if (!pattern.test(source)) throw new Error(`yoga-inline-wasm: the wasm loader in ${args.path} changed; review the patch`);
      return { contents: source.replace(pattern, 'return true?Promise.resolve()'), loader: 'js' };
    });
  },
};

// when-exit (conf -> atomically, to delete temp files at exit) listens once to SIGINT, runs its
// clean-up and re-raises SIGINT at the process: every Ctrl-C arrived twice, so a real second press
// could not be told from the echo. The CLI owns SIGINT and always ends with process.exit(), where
// when-exit's 'exit' hook still runs the clean-up; only its SIGINT hook is dropped.
const whenExitSigint = {
  name: 'when-exit-sigint',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]when-exit[\\/]dist[\\/]node[\\/]interceptor\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const needle = 'for (const signal of Signals) {';
      if (!source.includes(needle)) throw new Error(`when-exit-sigint: "${needle}" not found in ${args.path}; review the patch`);
      return { contents: source.replace(needle, "for (const signal of Signals.filter((s) => s !== 'SIGINT')) {"), loader: 'js' };
    });
  },
};

// ollama-js imports the whatwg-fetch polyfill for browsers. On Node (>= 18, fetch built in) it
// installs nothing, yet evaluating it costs start-up on every command that talks to a model
// (about 17 KB; CareerForge speaks HTTP through src/core/llm/http-fetch.ts anyway), so it is
// bundled as an empty module.
const stubWhatwgFetch = {
  name: 'stub-whatwg-fetch',
  setup(build) {
    build.onResolve({ filter: /^whatwg-fetch$/ }, (args) => ({ path: args.path, namespace: 'stub-whatwg-fetch' }));
    build.onLoad({ filter: /.*/, namespace: 'stub-whatwg-fetch' }, () => ({ contents: '', loader: 'js' }));
  },
};

// Build beside dist/ and swap it in, so a build never leaves a half-written dist/ for a CLI
// process (or a test) that is running at the same time.
const staging = `dist.staging-${process.pid}`;
await esbuild.build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // Ink's devtools hook is optional and never used here.
  external: ['react-devtools-core'],
  plugins: [stubAjv, stubWhatwgFetch, ollamaHeaders, yogaInlineWasm, whenExitSigint],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled dependencies are CommonJS and call require().
  banner: { js: "import { createRequire as __cfCreateRequire } from 'node:module'; const require = __cfCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const old = `dist.old-${process.pid}`;
if (fs.existsSync('dist')) fs.renameSync('dist', old);
fs.renameSync(staging, 'dist');
fs.rmSync(old, { recursive: true, force: true });
