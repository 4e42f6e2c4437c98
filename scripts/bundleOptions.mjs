// The esbuild settings the bundles share, and the standalone schema validator they need, for
// scripts/build.mjs (every bundle) and scripts/pack-cli.mjs (the CLI alone, into its package).
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Turns the bundled schema into a standalone ajv validator, so that nothing compiles it at start-up. */
export function generateValidator() {
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

export function commonBuildOptions(production) {
  return {
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
}

/** The `ld-manifest` CLI: one file with every dependency inside, runnable as `#!/usr/bin/env node`. */
export function cliBuildOptions(production, outdir) {
  return {
    ...commonBuildOptions(production),
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir,
    banner: { js: '#!/usr/bin/env node' },
  };
}
