// The manifest's side of the editor's request commands (the requests of protocol.ts): which values a
// request needs, rendering it with them, and judging what the client got when it sent it. The
// language server never sends anything itself; it keeps each request prepared for sending under an
// id (the last few only) so that the answer is judged against exactly the request that was sent.
import { nodeAt, type ManifestDocument } from '../engine/manifestDocument';
import type {
  HttpRequestData,
  JudgeResponseParams,
  JudgeResponseResult,
  OutcomeData,
  PrepareRequestParams,
  PrepareRequestResult,
  RequestKind,
  RequestPlanResult,
  RequestVariableInfo,
  RequestVariablesResult,
} from '../protocol';
import type { RenderedRequest } from './render';
import { reportText, requestText, verdictSummary } from './report';
import { requestSpec } from './requestSpec';
import { choicesOf, requestVariables, type RequestVariable } from './requestVariables';
import { validationSample } from './sampleResponse';
import type { SendOutcome } from './sendTypes';
import { curlFor, judgeOutcome, prepareRequest, type PreparedRequest } from './testRequest';
import { isPassing } from './verdict';
import { base64Decode } from '../engine/base64';

/** How many prepared requests wait for their answer; older ones are forgotten (with their secrets). */
export const KEPT_PREPARED_REQUESTS = 16;

export function requestPlan(doc: ManifestDocument, kind: RequestKind): RequestPlanResult {
  const found = requestSpec(doc, kind);
  if (!found.ok) return { ok: false, problem: found.problem };
  const { spec } = found;
  return {
    ok: true,
    path: spec.path,
    variables: spec.variables.map(variableInfo),
    usesFeatureStoreKey: spec.usesFeatureStoreKey,
    usesEnvId: spec.usesEnvId,
    templateErrors: spec.templateErrors,
  };
}

/** Every form variable of the featureStore capability, used by a request or not. */
export function declaredVariables(doc: ManifestDocument): RequestVariablesResult {
  return { ok: true, variables: requestVariables(nodeAt(doc, ['capabilities', 'featureStore', 'formVariables'])).map(variableInfo) };
}

function variableInfo(variable: RequestVariable): RequestVariableInfo {
  const choices = choicesOf(variable);
  return { ...variable, ...(choices ? { choices: [...choices] } : {}) };
}

/** The prepared requests of one server: rendered on prepare, judged (once) on the client's answer. */
export class PreparedRequests {
  private readonly kept = new Map<string, PreparedRequest>();
  private nextId = 1;

  constructor(private readonly limit = KEPT_PREPARED_REQUESTS) {}

  get size(): number {
    return this.kept.size;
  }

  prepare(doc: ManifestDocument, params: Pick<PrepareRequestParams, 'kind' | 'values' | 'secretsNotNeeded'>): PrepareRequestResult {
    const result = prepareRequest(doc, params.kind, params.values, { secretsNotNeeded: params.secretsNotNeeded });
    if (!result.ok) return { ok: false, stage: result.stage, problems: result.problems };
    const { prepared } = result;
    const shown = {
      ok: true as const,
      path: prepared.spec.path,
      display: requestData(prepared.display),
      displayText: requestText(prepared.display),
      curl: curlFor(prepared),
    };
    // A preview's request may lack its secrets: it is never sent, so it is not kept.
    if (params.secretsNotNeeded) return shown;
    const id = String(this.nextId++);
    this.kept.set(id, prepared);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.kept.delete(oldest);
    }
    return { ...shown, id, request: requestData(prepared.rendered.real) };
  }

  judge(params: Pick<JudgeResponseParams, 'id' | 'label' | 'outcome'>): JudgeResponseResult {
    const prepared = this.kept.get(params.id);
    if (!prepared) {
      return { ok: false, problem: 'the language server no longer has this request (it was restarted, or many requests were prepared since); run the command again' };
    }
    // Judged once: the secrets it holds are not kept longer than needed.
    this.kept.delete(params.id);
    const run = judgeOutcome(prepared, sendOutcomeOf(params.outcome));
    const { verdict, json } = run.reading;
    const passed = isPassing(verdict);
    const sample = prepared.spec.kind === 'validation' && passed && json !== undefined ? validationSample(json, prepared.masker) : undefined;
    return {
      ok: true,
      verdict: { kind: verdict.kind, summary: verdictSummary(verdict, prepared.masker), passed },
      report: reportText(run, params.label),
      ...(sample ? { sample } : {}),
    };
  }
}

function requestData(request: RenderedRequest): HttpRequestData {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers.map(({ name, value }) => ({ name, value })),
    ...(request.body === undefined ? {} : { body: request.body }),
  };
}

/** The client's outcome as send.ts made it; throws with a message on a malformed one. */
export function sendOutcomeOf(data: OutcomeData): SendOutcome {
  if (data?.kind === 'network-error') {
    return { kind: 'network-error', error: data.error, message: String(data.message), elapsedMs: Number(data.elapsedMs) || 0 };
  }
  const response = data?.kind === 'response' ? data.response : undefined;
  if (!response || typeof response.status !== 'number' || typeof response.bodyBase64 !== 'string' || !Array.isArray(response.headers)) {
    throw new Error('the outcome sent with judgeResponse is neither a response nor a network error');
  }
  return {
    kind: 'response',
    response: {
      url: String(response.url),
      status: response.status,
      statusText: String(response.statusText ?? ''),
      headers: response.headers.map(([name, value]) => [String(name).toLowerCase(), String(value)]),
      body: base64Decode(response.bodyBase64),
      truncated: response.truncated === true,
      redirects: Array.isArray(response.redirects) ? response.redirects : [],
      elapsedMs: Number(response.elapsedMs) || 0,
    },
  };
}
