// The servers of the browser suite, started by scripts/vscode-env/run-web-tests.sh in Node beside
// code-server (a browser worker cannot listen): a stand-in validation endpoint whose /cors paths
// allow cross-origin requests as a service that wants browsers to call it does (preflight included)
// and whose /no-cors paths answer the same without, and LaunchDarkly's API stand-in
// (test/launchdarkly/standIn/) answering browsers as LaunchDarkly does. Writes their addresses as
// JSON to the file named by the first argument; serves until killed.
// usage: node servers.js OUT_JSON WORKSPACE
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStandIn } from '../../launchdarkly/standIn/standIn';
import { LAUNCHDARKLY_TOKEN, type WebTestServers } from './serverAddresses';

async function main(): Promise<void> {
  const [out, workspace] = process.argv.slice(2);
  if (!out || !workspace) throw new Error('usage: node servers.js OUT_JSON WORKSPACE');
  const endpoint = createServer((req, res) => {
    req.resume();
    const allow = req.url?.startsWith('/cors/') === true;
    const cors: Record<string, string> = allow ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'GET, PUT, POST' } : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(allow ? 204 : 405, cors).end();
      return;
    }
    const authorized = req.headers.authorization?.startsWith('Bearer ') === true;
    res.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json', ...cors });
    res.end(JSON.stringify(authorized ? { success: true } : { success: false, errors: ['no token'] }));
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const { port } = endpoint.address() as AddressInfo;
  const standIn = await startStandIn({
    readers: [],
    writers: [LAUNCHDARKLY_TOKEN],
    projects: [{ key: 'default', name: 'Default', environments: [{ key: 'production', name: 'Production' }] }],
    integrations: { 'acme-store': { kind: 'featureStore', manifest: JSON.parse(readFileSync(join(workspace, 'integrations/acme-store/manifest.json'), 'utf8')) as unknown } },
    cors: true,
  });
  const servers: WebTestServers = { cors: `http://127.0.0.1:${port}/cors`, noCors: `http://127.0.0.1:${port}/no-cors`, launchDarkly: standIn.origin };
  writeFileSync(out, JSON.stringify(servers));
}

main().catch((error: unknown) => {
  console.error(`the browser suite's servers did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
