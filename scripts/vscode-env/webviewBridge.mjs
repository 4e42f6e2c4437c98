// The e2e tests run in the extension host, which cannot see a webview's DOM; the workbench runs in the
// headless Chromium this driver holds. This small HTTP server on 127.0.0.1 lets a test reach into the
// webview frame that holds a given element, through Playwright: evaluate an expression there, click,
// focus and press keys (real input events), or pick an option. Each call looks for the frame anew (a
// webview is rebuilt when it is hidden and shown), and answers JSON: { ok, result } or { ok, error }.
//
// POST / { root: "element id", action: "evaluate" | "click" | "press" | "select", expression?, selector?, key?, value? }
import http from 'node:http';

/** How long one call may take (Playwright's own waits included). */
const CALL_TIMEOUT_MS = 10_000;

export function startWebviewBridge(page, port) {
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 1_000_000) request.destroy();
    });
    request.on('end', async () => {
      let answer;
      try {
        answer = { ok: true, result: await call(page, JSON.parse(body)) };
      } catch (error) {
        answer = { ok: false, error: String(error?.message ?? error).split('\n')[0] };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer ?? null));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function call(page, { root, action, expression, selector, key, value }) {
  const frame = await frameHolding(page, root);
  if (!frame) throw new Error(`no webview frame holds #${root} (frames: ${page.frames().map((f) => f.url().replace(/\?.*/, '').slice(-60)).join(', ')})`);
  const options = { timeout: CALL_TIMEOUT_MS };
  switch (action) {
    case 'evaluate':
      return frame.evaluate(expression);
    case 'click':
      await frame.click(selector, options);
      return true;
    case 'press':
      await frame.focus(selector, options);
      await frame.press(selector, key, options);
      return true;
    case 'select':
      return frame.selectOption(selector, value, options);
    default:
      throw new Error(`unknown action ${action}`);
  }
}

async function frameHolding(page, id) {
  for (const frame of page.frames()) {
    const holds = await frame.evaluate((wanted) => document.getElementById(wanted) !== null, id).catch(() => false);
    if (holds) return frame;
  }
  return undefined;
}
