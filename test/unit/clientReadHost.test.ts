// The browser worker's host (clientReadHost.ts): the engine reads synchronously, the client answers
// later. A first read is "missing" and starts one fetch; what lands is kept and announced in one batch;
// a change forgets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientReadHost } from '../../server/src/browser/clientReadHost';
import type { WorkspaceFileResult, WorkspaceFolderResult } from '../../server/src/protocol';

function fakeClient(files: Record<string, string>, folders: Record<string, WorkspaceFolderResult> = {}) {
  const asked: string[] = [];
  return {
    asked,
    readFile: async (uri: string): Promise<WorkspaceFileResult> => {
      asked.push(`file ${uri}`);
      return uri in files ? { kind: 'text', text: files[uri]! } : { kind: 'missing' };
    },
    listFolder: async (uri: string): Promise<WorkspaceFolderResult> => {
      asked.push(`folder ${uri}`);
      return folders[uri] ?? { listed: false };
    },
  };
}

test('a first read is missing and fetched once; the answer is kept and the batch announced once', async () => {
  const client = fakeClient({ 'file:///w/a.svg': '<svg/>', 'file:///w/b.svg': '<svg/>' });
  const host = new ClientReadHost(client);
  const batches: (readonly string[])[] = [];
  host.onArrival((uris) => batches.push(uris));
  assert.deepEqual(host.readFile('file:///w/a.svg'), { kind: 'missing' });
  assert.deepEqual(host.readFile('file:///w/a.svg'), { kind: 'missing' });
  assert.deepEqual(host.readFile('file:///w/b.svg'), { kind: 'missing' });
  assert.equal(await host.settled(), true);
  assert.deepEqual(client.asked, ['file file:///w/a.svg', 'file file:///w/b.svg']);
  assert.deepEqual(batches, [['file:///w/a.svg', 'file:///w/b.svg']]);
  assert.deepEqual(host.readFile('file:///w/a.svg'), { kind: 'text', text: '<svg/>' });
  assert.equal(await host.settled(), false, 'nothing under way');
  assert.equal(client.asked.length, 2, 'kept, not asked again');
});

test('listings come through the same way, and a change forgets the file and its folder', async () => {
  const client = fakeClient({ 'file:///w/s/x.json': '{}' }, { 'file:///w/s/': { listed: true, folders: ['d'], files: ['x.json'] } });
  const host = new ClientReadHost(client);
  assert.equal(host.listFiles('file:///w/s/'), undefined);
  await host.settled();
  assert.deepEqual(host.listFiles('file:///w/s/'), ['x.json']);
  assert.deepEqual(host.listFolders('file:///w/s/'), ['d']);
  host.readFile('file:///w/s/x.json');
  await host.settled();
  host.invalidate('file:///w/s/x.json');
  assert.deepEqual(host.readFile('file:///w/s/x.json'), { kind: 'missing' }, 'read again after a change');
  assert.equal(host.listFiles('file:///w/s/'), undefined, 'listed again after a change in it');
  await host.settled();
  assert.equal(client.asked.filter((a) => a === 'folder file:///w/s/').length, 2);
});

test('a client that fails to answer makes the file unreadable, with its reason, not a crash', async () => {
  const host = new ClientReadHost({ readFile: () => Promise.reject(new Error('connection closed')), listFolder: () => Promise.reject(new Error('closed')) });
  host.readFile('file:///w/a.svg');
  host.listFolders('file:///w/');
  await host.settled();
  const read = host.readFile('file:///w/a.svg');
  assert.equal(read.kind, 'unreadable');
  assert.match(read.kind === 'unreadable' ? read.reason : '', /connection closed/);
  assert.equal(host.listFolders('file:///w/'), undefined);
});
