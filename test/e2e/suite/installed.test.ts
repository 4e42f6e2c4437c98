// The extension under test is the packaged .vsix installed into the editor, not the repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, REPO_ROOT, activatedExtension } from './helpers';

describe('the installed extension', () => {
  it('is the packaged .vsix from the extensions folder, not the repository', async () => {
    const extension = await activatedExtension();
    const extensionPath = fs.realpathSync(extension.extensionPath);
    const repo = fs.realpathSync(REPO_ROOT);
    assert.ok(!extensionPath.startsWith(repo + path.sep), `${extensionPath} is inside the repository ${repo}`);
    // Both harnesses install the .vsix into a fresh extensions folder and say which one.
    const expectedDir = process.env.LD_E2E_EXTENSIONS_DIR;
    assert.ok(expectedDir, 'LD_E2E_EXTENSIONS_DIR is not set: run the suite through a harness that installs the .vsix');
    assert.equal(path.dirname(extensionPath), fs.realpathSync(expectedDir), 'not installed in the run\'s extensions folder');
    assert.equal(path.basename(extensionPath), `${EXTENSION_ID}-${extension.packageJSON.version}`);
    assert.equal(vscode.extensions.all.filter((e) => e.id.toLowerCase() === EXTENSION_ID).length, 1);
    assert.equal(extension.isActive, true);
  });

  it('ships the bundles and the schema, and no node_modules or source maps', async () => {
    const extension = await activatedExtension();
    const root = extension.extensionPath;
    // The desktop's pair and the browser's (package.json `browser`, for vscode.dev and github.dev).
    for (const file of ['dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js', 'package.json', 'schemas/manifest.schema.json', 'images/icon.png']) {
      assert.ok(fs.existsSync(path.join(root, file)), `${file} is missing from the package`);
    }
    assert.ok(!fs.existsSync(path.join(root, 'node_modules')), 'node_modules was packaged');
    const files = fs.readdirSync(root, { recursive: true }).map(String);
    assert.deepEqual(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts')), [], 'source maps or sources were packaged');
  });

  it('is one package for the desktop and the web, of at most 1.5 MB', async () => {
    const extension = await activatedExtension();
    assert.equal(extension.packageJSON.main, './dist/client.js');
    assert.equal(extension.packageJSON.browser, './dist/web/client.js');
    assert.equal(extension.packageJSON.capabilities?.virtualWorkspaces?.supported, 'limited');
    const vsix = process.env.LD_E2E_VSIX;
    assert.ok(vsix, 'LD_E2E_VSIX is not set: run the suite through scripts/vscode-env/run-tests.sh');
    const bytes = fs.statSync(vsix).size;
    assert.ok(bytes <= 1.5 * 1024 * 1024, `the .vsix is ${bytes} bytes, over 1.5 MB`);
  });

  it("shows no broken picture on the extension's details page: each image its README names is in the package", async () => {
    const root = (await activatedExtension()).extensionPath;
    const readme = fs.readdirSync(root).find((name) => name.toLowerCase() === 'readme.md');
    assert.ok(readme, 'the package has no README');
    const images = [...fs.readFileSync(path.join(root, readme), 'utf8').matchAll(/!\[[^\]\n]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length > 0, 'the README shows no image at all (the main screenshot ships)');
    const local = images.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
    assert.deepEqual(local.filter((target) => !fs.existsSync(path.join(root, target))), [], 'images named by the packaged README but not in the package');
  });
});
