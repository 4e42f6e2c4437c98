// Restricted Mode and the LaunchDarkly store configurations: signed in (the token handed to the
// command, its test injection point), the view and the commands that send config values still send
// nothing to LaunchDarkly from an untrusted workspace. The strict LaunchDarkly API stand-in
// (test/launchdarkly/standIn/) runs on 127.0.0.1 and counts what it receives.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { startStandIn, type StandIn } from '../../launchdarkly/standIn/standIn';
import { activatedExtension, fixtureUri, manifestDocument, openFixture } from './helpers';

const MANIFEST = 'integrations/untrusted-store/manifest.json';
const TOKEN = 'api-restricted-0123456789abcdef';

interface Shown {
  node: { kind: string };
  item: vscode.TreeItem;
}

describe('LaunchDarkly store configurations in Restricted Mode', function () {
  let standIn: StandIn;
  let afterSignIn = 0;

  before(async function () {
    standIn = await startStandIn({
      readers: [],
      writers: [TOKEN],
      projects: [{ key: 'default', name: 'Default', environments: [{ key: 'production', name: 'Production' }] }],
      integrations: { 'untrusted-store': { kind: 'featureStore', manifest: JSON.parse(fs.readFileSync(fixtureUri(MANIFEST).fsPath, 'utf8')) } },
    });
    await activatedExtension();
    await openFixture(MANIFEST);
    await manifestDocument(fixtureUri(MANIFEST));
  });

  after(async function () {
    await vscode.commands.executeCommand('ldManifest.launchDarkly.signOut');
    await standIn?.close();
  });

  it('signs in: the token and the instance are the user\'s, not the workspace\'s', async function () {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(await vscode.commands.executeCommand<boolean>('ldManifest.launchDarkly.signIn', { token: TOKEN, baseUri: standIn.origin }), true);
    afterSignIn = standIn.received.length;
  });

  it('the view asks to trust the workspace and lists nothing', async function () {
    const shown = await vscode.commands.executeCommand<Shown[]>('ldManifest.launchDarkly.refresh', { uri: fixtureUri(MANIFEST).toString() });
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.node.kind, 'message');
    assert.match(String(shown[0]!.item.label), /Trust the workspace/);
    assert.equal(standIn.received.length, afterSignIn, 'the view called LaunchDarkly');
  });

  it('Create and Validate send nothing', async function () {
    const created = await vscode.commands.executeCommand<string | undefined>('ldManifest.launchDarkly.create', {
      uri: fixtureUri(MANIFEST).toString(),
      projectKey: 'default',
      environmentKey: 'production',
      values: { baseUrl: 'http://127.0.0.1:9', apiToken: 'restricted-config-secret' },
      name: 'Untrusted',
      on: true,
    });
    assert.equal(created, undefined);
    assert.equal(await vscode.commands.executeCommand('ldManifest.launchDarkly.validate'), undefined);
    assert.equal(standIn.received.length, afterSignIn, 'a command called LaunchDarkly');
    assert.equal(standIn.store.all().length, 0);
  });
});
