// The e2e suite entry: the module `@vscode/test-electron`'s extensionTestsPath takes, and what the
// code-server harness (scripts/vscode-env/run-tests.sh) passes as extensionTestsPath. It runs the test
// files for the fixture workspace the editor has open (the folder's name selects the scenario).
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Test files (bundled next to this file) for each fixture workspace under test/e2e/fixtures/. */
export const SCENARIOS: Record<string, string[]> = {
  workspace: ['installed', 'languageId', 'diagnostics', 'brokenManifest', 'languageFeatures'],
  'json-schemas': ['installed', 'noDuplicates'],
  restricted: ['restrictedMode', 'restrictedRequest', 'restrictedLaunchDarkly', 'restrictedPreview'],
  request: ['installed', 'request'],
  editing: ['installed', 'templates', 'pointers', 'templateFiles'],
  launchdarkly: ['installed', 'launchDarkly'],
  preview: ['installed', 'integrationPreview', 'corpusPreview'],
};

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const scenario = process.env.LD_E2E_SCENARIO ?? (folder ? path.basename(folder.uri.fsPath) : '');
  const files = SCENARIOS[scenario];
  if (!files) throw new Error(`no e2e scenario for workspace "${scenario}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  console.log(`e2e scenario "${scenario}" in VS Code ${vscode.version} (${vscode.env.appHost}, ui kind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  if (process.env.LD_E2E_GREP) mocha.grep(process.env.LD_E2E_GREP);
  for (const file of files) mocha.addFile(path.join(__dirname, `${file}.test.js`));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test${failures === 1 ? '' : 's'} failed in "${scenario}"`)) : resolve()));
  });
}
