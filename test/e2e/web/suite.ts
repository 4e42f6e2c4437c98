// The browser suite's entry (out/test/e2e/web/suite.js, bundled for the browser): what the web worker
// extension host loads as extensionTestsPath (scripts/vscode-env/run-web-tests.sh). Mocha's browser
// build: Node's mocha needs `fs` to load test files, a worker has none, so the tests are bundled in.
// mocha 12 is an ES module: bundled, its UMD header assigns this bundle's module.exports (the mocha
// instance), so `run` is exported by replacing module.exports after it, at the end.
import 'mocha/mocha.js';
import { defineFeatureTests } from './features.web';
import { defineLaunchDarklyTests } from './launchDarkly.web';
import { defineRequestTests } from './request.web';
import { defineWorkerTests } from './inWorker.web';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: 'bdd'; reporter: 'spec'; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): void;
}

function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // After setup, which defines describe and it. The worker check goes first.
  defineWorkerTests();
  defineFeatureTests();
  defineRequestTests();
  defineLaunchDarklyTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} browser e2e test${failures === 1 ? '' : 's'} failed`)) : resolve()));
  });
}

module.exports = { run };
