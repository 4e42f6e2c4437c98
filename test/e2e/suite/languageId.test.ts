// Which files get the manifest language: by path, by content, and not a web app manifest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, activatedExtension, fixtureUri, manifestDocument, openFixture } from './helpers';

describe('language id', () => {
  before(async () => {
    await activatedExtension();
  });

  it('integrations/<key>/manifest.json is a LaunchDarkly manifest', async () => {
    const document = await openFixture('integrations/example/manifest.json');
    assert.equal(document.languageId, LANGUAGE_ID);
  });

  it('a manifest.json elsewhere is switched to the manifest language by its content; a web app manifest stays json', async () => {
    // Open the web app manifest first: the extension handles open events in order, so once the later
    // document has been switched, the decision about the web app manifest has been made too.
    const webapp = await vscode.workspace.openTextDocument(fixtureUri('webapp/manifest.json'));
    const elsewhere = await vscode.workspace.openTextDocument(fixtureUri('elsewhere/manifest.json'));
    const switched = await manifestDocument(elsewhere.uri);
    assert.equal(switched.languageId, LANGUAGE_ID);
    const webappNow = vscode.workspace.textDocuments.find((d) => d.uri.toString() === webapp.uri.toString());
    assert.equal(webappNow?.languageId, 'json');
  });
});
