// Runs the same e2e suite in desktop VS Code through @vscode/test-electron, where VS Code can be
// downloaded (not on machines without access to update.code.visualstudio.com: there, use
// scripts/vscode-env/run-tests.sh). Like the code-server harness it tests the packaged .vsix:
// the package is installed into a fresh extensions folder and the development path is an empty folder.
// The "restricted" scenario is skipped: test-electron always passes --disable-workspace-trust.
//
// usage: npm run package && npm run build && npm run test:e2e:electron [-- SCENARIO...]
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const vsix = path.join(root, 'dist/ld-manifest-tools.vsix');
  const extensionTestsPath = path.join(root, 'out/test/e2e/suite/index.js');
  const scenarios = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['workspace', 'json-schemas'];
  for (const file of [vsix, extensionTestsPath]) if (!fs.existsSync(file)) throw new Error(`missing ${file}: run npm run package and npm run build`);

  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-e2e-electron-'));
  const extensionsDir = path.join(run, 'extensions');
  const noDevExtension = path.join(run, 'no-dev-extension');
  fs.mkdirSync(noDevExtension, { recursive: true });
  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.LD_E2E_VSCODE_VERSION ?? 'stable');
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    cp.execFileSync(cli!, [...cliArgs, `--extensions-dir=${extensionsDir}`, '--install-extension', vsix], { stdio: 'inherit' });
    for (const scenario of scenarios) {
      if (scenario === 'restricted') {
        console.log('skipping "restricted": @vscode/test-electron always disables workspace trust');
        continue;
      }
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: noDevExtension,
        extensionTestsPath,
        extensionTestsEnv: { LD_E2E_EXTENSIONS_DIR: extensionsDir, LD_E2E_VSIX: vsix, LD_E2E_SCENARIO: scenario },
        launchArgs: [
          path.join(root, 'test/e2e/fixtures', scenario),
          `--extensions-dir=${extensionsDir}`,
          `--user-data-dir=${path.join(run, scenario, 'user-data')}`,
        ],
      });
    }
  } finally {
    fs.rmSync(run, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
