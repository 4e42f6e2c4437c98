// Restricted Mode and the request commands: nothing is sent from an untrusted workspace (a server this
// test starts checks that it receives nothing), while Preview still renders the request.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activatedExtension, fixtureUri, openFixture } from './helpers';

const MANIFEST = 'integrations/untrusted-store/manifest.json';
const TOKEN = 'restricted-s3cret';

describe('request commands in Restricted Mode', function () {
  let server: http.Server;
  let origin = '';
  let requests = 0;

  before(async function () {
    server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success": true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await activatedExtension();
    await openFixture(MANIFEST);
  });

  after(async function () {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('Test Validation Request refuses to send and says why', async function () {
    assert.equal(vscode.workspace.isTrusted, false);
    const result = await vscode.commands.executeCommand<{ sent: boolean; report: string }>('ldManifest.request.testValidation', {
      uri: fixtureUri(MANIFEST).toString(),
      values: { baseUrl: origin, apiToken: TOKEN },
    });
    assert.equal(result?.sent, false);
    assert.match(result.report, /disabled in Restricted Mode/);
    assert.equal(requests, 0, 'the server received a request');
  });

  it('Test Feature Store Request refuses too', async function () {
    const result = await vscode.commands.executeCommand<{ sent: boolean; report: string }>('ldManifest.request.testFeatureStore', {
      uri: fixtureUri(MANIFEST).toString(),
      values: { baseUrl: origin, apiToken: TOKEN },
      confirmWrite: true,
    });
    assert.equal(result?.sent, false);
    assert.equal(requests, 0, 'the server received a request');
  });

  it('Preview Request still renders the request, the secret masked', async function () {
    const text = await vscode.commands.executeCommand<string>('ldManifest.request.preview', {
      uri: fixtureUri(MANIFEST).toString(),
      values: { baseUrl: origin, apiToken: TOKEN },
    });
    assert.ok(text, 'preview returned nothing');
    assert.match(text, new RegExp(`GET ${origin}/validate`));
    assert.match(text, /Authorization: Bearer ••••/);
    assert.ok(!text.includes(TOKEN), 'the secret is in the preview');
    assert.equal(requests, 0);
  });
});
