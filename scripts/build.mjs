// Builds everything with esbuild: the client, server and CLI bundles that ship in the .vsix, and the
// test bundles. First turns the bundled schema into a standalone ajv validator, so that the server
// never compiles the schema at start-up.
import * as esbuild from 'esbuild';
import { readdirSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

function generateValidator() {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/manifest.schema.json'), 'utf8'));
  const vocabulary = JSON.parse(readFileSync(join(root, 'schemas/vocabulary.json'), 'utf8')).keywords;
  // Errors of referenced sub-schemas appended in place, not concatenated (quadratic): the same rewrite
  // as server/src/engine/schema/appendErrorsInPlace.ts, which test/unit/appendErrorsInPlace.test.ts checks here.
  const appendErrorsInPlace = (code) =>
    code.replace(/vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g, 'if (vErrors === null) vErrors = $1; else for (const error of $1) vErrors.push(error);');
  const ajv = new Ajv({ allErrors: true, code: { source: true } });
  ajv.addVocabulary(vocabulary);
  addFormats(ajv);
  const code = appendErrorsInPlace(standaloneCode.default(ajv, ajv.compile(schema)));
  mkdirSync(join(root, 'server/generated'), { recursive: true });
  writeFileSync(join(root, 'server/generated/manifestValidator.js'), code);
}

function testEntries() {
  return readdirSync(join(root, 'test'), { recursive: true })
    .filter((f) => /\.test\.ts$|e2e[\\/]suite[\\/]index\.ts$/.test(f))
    .map((f) => join('test', f));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  alias: {
    'ld-manifest-validator': join(root, 'server/generated/manifestValidator.js'),
    // Handlebars' Node entry registers a require hook with `fs` and pulls in source-map; its browser
    // build is the same parser and runtime without them, so one engine bundles for Node and workers.
    handlebars: join(root, 'node_modules/handlebars/dist/cjs/handlebars.js'),
  },
  absWorkingDir: root,
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

/**
 * The engine must bundle for a platform without Node (a browser worker): esbuild fails on any
 * `node:` import or Node-only package reachable from the language service. Nothing is written.
 */
function checkEngineIsPure() {
  return esbuild.build({
    ...common,
    platform: 'neutral',
    format: 'esm',
    sourcemap: false,
    minify: false,
    write: false,
    entryPoints: ['server/src/engine/languageService.ts'],
  });
}

generateValidator();
await Promise.all([
  checkEngineIsPure(),
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/lsp/server.ts' }, outdir: 'dist' }),
  esbuild.build({
    ...common,
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  production
    ? Promise.resolve()
    : esbuild.build({
        ...common,
        entryPoints: testEntries(),
        outdir: 'out',
        outbase: '.',
        external: ['vscode', 'mocha'],
      }),
]);
