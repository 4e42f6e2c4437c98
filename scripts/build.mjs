// Builds everything with esbuild: the client, server and CLI bundles that ship in the .vsix, and the
// test bundles. First turns the bundled schema into a standalone ajv validator, so that the server
// never compiles the schema at start-up.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliBuildOptions, commonBuildOptions, generateValidator, root } from './bundleOptions.mjs';

const production = process.argv.includes('--production');

function testEntries() {
  return readdirSync(join(root, 'test'), { recursive: true })
    .filter((f) => /\.test\.ts$|e2e[\\/]suite[\\/]index\.ts$/.test(f))
    .map((f) => join('test', f));
}

const common = commonBuildOptions(production);
const browserOptions = { ...common, platform: 'browser', target: 'es2022' };

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
  esbuild.build({ ...common, entryPoints: { server: 'server/src/node/serverMain.ts' }, outdir: 'dist' }),
  // The web extension (package.json `browser`): the client for the web worker extension host, the
  // server for a nested worker (an iife: a worker script is no module). Same engine inside.
  esbuild.build({ ...browserOptions, format: 'cjs', entryPoints: { client: 'client/src/browser/extension.ts' }, outdir: 'dist/web', external: ['vscode'] }),
  esbuild.build({ ...browserOptions, format: 'iife', entryPoints: { server: 'server/src/browser/workerServer.ts' }, outdir: 'dist/web' }),
  esbuild.build(cliBuildOptions(production, 'dist')),
  // The browser suite of the real-editor tests (test/e2e/web/): bundled for the web worker extension host.
  production
    ? Promise.resolve()
    : esbuild.build({ ...browserOptions, format: 'cjs', entryPoints: { suite: 'test/e2e/web/suite.ts' }, outdir: 'out/test/e2e/web', external: ['vscode'] }),
  // ...and the servers it talks to, run in Node beside code-server.
  production ? Promise.resolve() : esbuild.build({ ...common, entryPoints: { servers: 'test/e2e/web/servers.ts' }, outdir: 'out/test/e2e/web' }),
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
