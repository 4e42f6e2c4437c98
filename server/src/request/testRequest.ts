// The whole flow, shared by the editor commands and the CLI: find the request in the manifest, resolve
// the values, render (refusing on template errors), and on demand send it and read the answer.
import type { ManifestDocument } from '../engine/manifestDocument';
import { curlCommand } from './curl';
import { renderRequest, type Rendered, type RenderedRequest } from './render';
import { requestSpec, type RequestKind, type RequestSpec } from './requestSpec';
import { sampleFlagPayload } from './samplePayload';
import type { SendOutcome } from './sendTypes';
import { SecretMasker } from './secretMasker';
import { resolveValues, type ResolvedValues } from './values';
import { ownValue, setOwn } from '../engine/ownRecord';
import { readAnswer, type Reading } from './verdict';

export interface PreparedRequest {
  readonly spec: RequestSpec;
  readonly resolved: ResolvedValues;
  readonly rendered: Rendered;
  /** The request as sent, secrets masked: safe to show and log. */
  readonly display: RenderedRequest;
  /** Masks the secrets in what comes back from the service. */
  readonly masker: SecretMasker;
}

export type PrepareStage = 'manifest' | 'values' | 'render';
export type PrepareResult =
  | { readonly ok: true; readonly prepared: PreparedRequest }
  | { readonly ok: false; readonly stage: PrepareStage; readonly problems: readonly string[] };

export interface PrepareOptions {
  /** Preview and curl never need the secrets' values: missing ones render as tokens all the same. */
  readonly secretsNotNeeded?: boolean;
  readonly now?: () => Date;
  readonly nonce?: () => string;
}

export function prepareRequest(
  doc: ManifestDocument,
  kind: RequestKind,
  given: Readonly<Record<string, string | undefined>>,
  options: PrepareOptions = {},
): PrepareResult {
  const found = requestSpec(doc, kind);
  if (!found.ok) return { ok: false, stage: 'manifest', problems: [found.problem] };
  const { spec } = found;
  if (spec.templateErrors.length > 0) {
    return { ok: false, stage: 'render', problems: spec.templateErrors.map((e) => `template error at ${e}`) };
  }
  const filled: Record<string, string | undefined> = {};
  for (const key of Object.keys(given)) setOwn(filled, key, given[key]);
  if (options.secretsNotNeeded) for (const v of spec.variables) if (v.isSecret && ownValue(filled, v.key) === undefined) setOwn(filled, v.key, '');
  const values = resolveValues(spec, filled);
  if (!values.ok) return { ok: false, stage: 'values', problems: values.problems };
  const result = renderRequest(spec, {
    values: values.resolved.values,
    secretKeys: values.resolved.secretKeys,
    payload: kind === 'featureStore' ? sampleFlagPayload() : undefined,
    now: options.now,
    nonce: options.nonce,
  });
  if (!result.ok) return { ok: false, stage: 'render', problems: result.problems };
  const { rendered } = result;
  const { marked, marks } = rendered;
  const show = (s: string) => marks.masked(s);
  const display: RenderedRequest = {
    method: marked.method,
    url: show(marked.url),
    headers: marked.headers.map((h) => ({ name: h.name, value: show(h.value) })),
    body: marked.body === undefined ? undefined : show(marked.body),
  };
  const masker = new SecretMasker(values.resolved.secretValues, marks.reals());
  return { ok: true, prepared: { spec, resolved: values.resolved, rendered, display, masker } };
}

export function curlFor(prepared: PreparedRequest): string {
  return curlCommand(prepared.rendered);
}

export interface RequestRun {
  readonly prepared: PreparedRequest;
  readonly outcome: SendOutcome;
  readonly reading: Reading;
}


/** Reads what a prepared request got (sent here, or by the editor client) with the request's parser. */
export function judgeOutcome(prepared: PreparedRequest, outcome: SendOutcome): RequestRun {
  return { prepared, outcome, reading: readAnswer(outcome, prepared.spec.parser) };
}

export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_SECONDS } from './sendTypes';
