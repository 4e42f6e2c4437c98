// What a run shows: the request as sent (secrets masked), the answer, the pointer values and the
// verdict, as text for the output channel and the CLI, or as one JSON object. Everything that came
// back from the service passes through redactSecrets: a service may echo a token.
import type { RenderedRequest } from './render';
import { redactSecrets } from './symbolic';
import type { RequestRun } from './testRequest';
import { isPassing } from './verdict';

const LABEL = { validation: 'validation request', featureStore: 'feature store request' } as const;

export function requestText(request: RenderedRequest): string {
  const lines = [`${request.method} ${request.url}`, ...request.headers.map((h) => `${h.name}: ${h.value}`)];
  if (request.body !== undefined) lines.push('', request.body);
  return lines.join('\n');
}

export function reportText(run: RequestRun, manifestLabel: string): string {
  const { prepared, outcome, reading } = run;
  const out: string[] = [`=== Test ${LABEL[prepared.spec.kind]}: ${manifestLabel}`, '', 'Request as sent:', indent(requestText(prepared.display)), ''];
  if (outcome.kind === 'network-error') {
    out.push(`No response (${outcome.error}) after ${outcome.elapsedMs} ms: ${outcome.message}`);
  } else {
    const r = outcome.response;
    for (const redirect of r.redirects) {
      out.push(`Redirect ${redirect.status} to ${redirect.to}: ${redirect.followed ? 'followed' : 'NOT followed (another origin; credentials are never sent there)'}`);
    }
    out.push(`Response: HTTP ${r.status} ${r.statusText} in ${r.elapsedMs} ms`, indent(r.headers.map(([n, v]) => `${n}: ${v}`).join('\n')), '');
    out.push('Body:', indent(bodyText(r.body, reading.json) || '(empty)'));
    if (r.truncated) out.push(`(the body was cut at ${r.body.length} bytes, the limit)`);
  }
  if (reading.pointers.length > 0) {
    out.push('', 'Parser:');
    for (const p of reading.pointers) out.push(`  ${p.field} ${p.pointer} → ${p.found ? JSON.stringify(p.value) : '(selects nothing)'}`);
  }
  out.push('', `Verdict: ${reading.verdict.summary}`, '');
  return redactSecrets(out.join('\n'), prepared.resolved.secretValues);
}

export function reportJson(run: RequestRun, manifestLabel: string): string {
  const { prepared, outcome, reading } = run;
  const response =
    outcome.kind === 'response'
      ? {
          status: outcome.response.status,
          statusText: outcome.response.statusText,
          headers: outcome.response.headers,
          body: reading.json !== undefined ? reading.json : outcome.response.body.toString('utf8'),
          truncated: outcome.response.truncated,
          redirects: outcome.response.redirects,
          elapsedMs: outcome.response.elapsedMs,
        }
      : undefined;
  const report = {
    manifest: manifestLabel,
    request: { kind: prepared.spec.kind, ...prepared.display },
    response,
    networkError: outcome.kind === 'network-error' ? { kind: outcome.error, message: outcome.message, elapsedMs: outcome.elapsedMs } : undefined,
    pointers: reading.pointers,
    verdict: { ...reading.verdict, passed: isPassing(reading.verdict) },
  };
  return redactSecrets(JSON.stringify(report, null, 2), prepared.resolved.secretValues) + '\n';
}

function bodyText(body: Buffer, json: unknown): string {
  return json !== undefined ? JSON.stringify(json, null, 2) : body.toString('utf8');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
