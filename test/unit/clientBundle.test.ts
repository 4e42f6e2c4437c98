// The client bundle carries no manifest parser: code lenses and the request commands ask the language
// server (server/src/protocol.ts), so Handlebars, ajv, jsonc-parser and the engine stay in the server.
// Builds both clients (the desktop's client/src/extension.ts, the browser's client/src/browser/extension.ts)
// the way scripts/build.mjs --production does, with a metafile, and checks what went in and how large it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../support/manifests';

/**
 * The production client bundle measured 452,391 bytes (622,346 when it still parsed manifests); with the
 * integration preview's webview panel and script (about 7 KB) the desktop one measured 500,060.
 */
const MAX_CLIENT_BYTES = 510_000;
const FORBIDDEN = ['node_modules/handlebars', 'node_modules/ajv', 'node_modules/jsonc-parser', 'server/src/engine/'];
/** The engine modules the client may carry: they import nothing, so they bring no parser along. */
const ENGINE_LEAVES_ALLOWED = ['server/src/engine/dependsOn.ts', 'server/src/engine/base64.ts'];
/**
 * The only server modules the client may bundle: the protocol, the HTTP sending it does itself, and
 * LaunchDarkly's API client with what it needs (the call's rendering with marks, the masker, curl,
 * `dependsOn` for the create prompts): none of them reaches the engine. With them it measured 489,623.
 */
const SERVER_MODULES_ALLOWED = [
  'server/src/protocol.ts',
  'server/src/request/send.ts',
  'server/src/request/sendTypes.ts',
  'server/src/request/fetchSend.ts',
  'server/src/request/sampleKey.ts',
  'server/src/request/symbolic.ts',
  'server/src/request/secretMasker.ts',
  'server/src/request/curl.ts',
  'server/src/request/shellWords.ts',
  ...['apiClient', 'apiErrors', 'apiRequest', 'dependsOn', 'instances', 'jsonPatch', 'rateLimit', 'responses', 'routes'].map((name) => `server/src/launchdarkly/${name}.ts`),
  // The semantics of `dependsOn`, shared with the integration preview, and base64 (a received body's
  // bytes, as the judgeResponse request carries them): leaves of the engine with no import.
  ...ENGINE_LEAVES_ALLOWED,
];

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { bytes: number }>;
}

for (const [platform, entry] of [
  ['node', 'client/src/extension.ts'],
  ['browser', 'client/src/browser/extension.ts'],
] as const) {
  test(`the ${platform} client bundle carries no parser, Handlebars, ajv or engine, and stays small`, async () => {
    const root = repoRoot();
    // Loaded at run time from the repository, not bundled into this test.
    const esbuild = createRequire(join(root, 'package.json'))('esbuild') as {
      build(options: Record<string, unknown>): Promise<{ metafile: Metafile }>;
    };
    const { metafile } = await esbuild.build({
      // The options of scripts/build.mjs (its `common`, production) for the client entry.
      bundle: true,
      platform,
      target: platform === 'node' ? 'node20' : 'es2022',
      format: 'cjs',
      sourcemap: false,
      minify: true,
      logLevel: 'silent',
      alias: { 'ld-manifest-validator': join(root, 'server/generated/manifestValidator.js') },
      absWorkingDir: root,
      mainFields: ['module', 'main'],
      entryPoints: { client: entry },
      outdir: join(root, 'out/bundle-check'),
      external: ['vscode'],
      write: false,
      metafile: true,
    });
    const inputs = Object.keys(metafile.inputs).map((path) => path.replace(/\\/g, '/'));
    assert.deepEqual(inputs.filter((path) => !ENGINE_LEAVES_ALLOWED.includes(path) && FORBIDDEN.some((part) => path.includes(part))), []);
    assert.deepEqual(inputs.filter((path) => path.startsWith('server/') && !SERVER_MODULES_ALLOWED.includes(path)), []);
    const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    assert.ok(bytes < MAX_CLIENT_BYTES, `the ${platform} client bundle is ${bytes} bytes, over the bound of ${MAX_CLIENT_BYTES}`);
    if (platform === 'browser') assert.deepEqual(inputs.filter((path) => path.startsWith('node:') || path === 'server/src/request/send.ts'), [], 'the browser client reaches Node');
  });
}
