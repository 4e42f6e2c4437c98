// The stand-in validation endpoint of the browser suite (Node, started by run-web-tests.sh): under
// /cors it allows cross-origin requests as a service that wants browsers to call it does (preflight
// included); under /no-cors it answers the same without, so a browser refuses to show the answer.
// Writes its two base URLs as JSON to the file named by its first argument, then serves until killed.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';

const [out] = process.argv.slice(2);
const server = createServer((req, res) => {
  const allow = req.url?.startsWith('/cors/');
  const cors = allow ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'GET, PUT, POST' } : {};
  if (req.method === 'OPTIONS') {
    res.writeHead(allow ? 204 : 405, cors).end();
    return;
  }
  const authorized = req.headers.authorization?.startsWith('Bearer ');
  res.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json', ...cors });
  res.end(JSON.stringify(authorized ? { success: true } : { success: false, errors: ['no token'] }));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  writeFileSync(out, JSON.stringify({ cors: `http://127.0.0.1:${port}/cors`, noCors: `http://127.0.0.1:${port}/no-cors` }));
});
