// Real HTTP and HTTPS servers on 127.0.0.1 for the request tests. Each records what it received
// (method, URL, headers, body) so that tests check the wire, not our own idea of it. HTTPS uses a CA
// and a server certificate the test makes with the `openssl` command (Node cannot sign X.509
// certificates); `.ci/run` needs `apt-get install -y openssl` where it is missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export type Handler = (req: ReceivedRequest, res: http.ServerResponse) => void;

export interface TestServer {
  readonly origin: string;
  readonly received: ReceivedRequest[];
  /** Routes by path (query ignored); unrouted paths answer 404. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function start(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const received: ReceivedRequest[] = [];
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      const handler = routes.get(new URL(entry.url, 'http://x').pathname);
      if (handler) handler(entry, res);
      else json(res, 404, { error: 'no route' });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `${scheme}://${scheme === 'https' ? 'localhost' : '127.0.0.1'}:${port}`,
        received,
        route: (path, handler) => void routes.set(path, handler),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startHttpServer(): Promise<TestServer> {
  return start(http.createServer(), 'http');
}

export interface TestCa {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/** A throwaway CA and a certificate for `localhost` and 127.0.0.1 signed by it. */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'ld-request-ca-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=ld-manifest test CA');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=localhost');
    writeFileSync(at('ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    openssl('x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('server.pem'), '-days', '2', '-extfile', at('ext.cnf'));
    return { caPem: readFileSync(at('ca.pem'), 'utf8'), certPem: readFileSync(at('server.pem'), 'utf8'), keyPem: readFileSync(at('server.key'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function startHttpsServer(ca: TestCa): Promise<TestServer> {
  return start(https.createServer({ cert: ca.certPem, key: ca.keyPem }), 'https');
}
