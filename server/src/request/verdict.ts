// Reads the service's answer the way LaunchDarkly does: a 2xx status, a JSON body, and the value at
// `parser.success` being `true`. Only the boolean `true` passes: `"true"`, `1` or any other value is a
// failure that names the value it found, because LaunchDarkly's check is a JSON boolean.
import { jsonTypeOf, selectPointer } from '../engine/pointers/jsonPointer';
import type { ParserSpec } from './requestSpec';
import { bodyText, type NetworkErrorKind, type SendOutcome } from './sendTypes';

export type Verdict =
  | { readonly kind: 'success'; readonly summary: string }
  | { readonly kind: 'failure'; readonly summary: string; readonly errors: readonly string[] }
  | { readonly kind: 'http-error'; readonly summary: string; readonly status: number; readonly errors: readonly string[] }
  | { readonly kind: 'not-json'; readonly summary: string }
  | { readonly kind: 'body-too-large'; readonly summary: string }
  | { readonly kind: 'pointer-missing'; readonly summary: string; readonly pointer: string }
  | { readonly kind: 'network-error'; readonly summary: string; readonly error: NetworkErrorKind }
  /** A featureStore request has no parser: a 2xx answer is all there is to check. */
  | { readonly kind: 'stored'; readonly summary: string };

export interface PointerValue {
  readonly field: 'success' | 'errors';
  readonly pointer: string;
  readonly found: boolean;
  readonly value?: unknown;
}

export interface Reading {
  readonly verdict: Verdict;
  /** The body parsed as JSON, when it is JSON. */
  readonly json?: unknown;
  readonly pointers: readonly PointerValue[];
}

export function isPassing(verdict: Verdict): boolean {
  return verdict.kind === 'success' || verdict.kind === 'stored';
}

export function readAnswer(outcome: SendOutcome, parser: ParserSpec | undefined): Reading {
  if (outcome.kind === 'network-error') {
    return { verdict: { kind: 'network-error', error: outcome.error, summary: `Not answered: ${outcome.message}.` }, pointers: [] };
  }
  const { response } = outcome;
  const json = parseJson(response.body, response.truncated);
  const pointers: PointerValue[] = [];
  const read = (field: PointerValue['field'], pointer: string | undefined) => {
    if (pointer === undefined || json === undefined) return undefined;
    const selection = selectPointer(json.value, pointer);
    const entry: PointerValue = selection.found ? { field, pointer, found: true, value: selection.value } : { field, pointer, found: false };
    pointers.push(entry);
    return entry;
  };
  const success = read('success', parser?.success);
  const errors = errorMessages(read('errors', parser?.errors));
  const withErrors = (text: string) => (errors.length > 0 ? `${text} Errors: ${errors.join('; ')}` : text);
  const status = response.status;
  const lastRedirect = response.redirects.at(-1);
  if (status < 200 || status > 299) {
    const unfollowed = lastRedirect && !lastRedirect.followed ? ` The redirect was not followed: ${lastRedirect.why ?? 'only same-origin redirects are'}.` : '';
    return { verdict: { kind: 'http-error', status, errors, summary: withErrors(`Failed: HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}.${unfollowed}`) }, json: json?.value, pointers };
  }
  if (!parser) return { verdict: { kind: 'stored', summary: `Stored: HTTP ${status}.` }, json: json?.value, pointers };
  if (response.truncated) {
    return { verdict: { kind: 'body-too-large', summary: `Failed: the body is larger than the limit of ${response.body.length} bytes, so it was cut and cannot be read as JSON.` }, pointers };
  }
  if (json === undefined) {
    const type = response.headers.find(([name]) => name === 'content-type')?.[1];
    return { verdict: { kind: 'not-json', summary: `Failed: HTTP ${status}, but the body is not JSON${type ? ` (content-type ${type})` : ''}.` }, pointers };
  }
  if (!success?.found) {
    return { verdict: { kind: 'pointer-missing', pointer: parser.success, summary: withErrors(`Failed: \`parser.success\` (${parser.success}) selects nothing in the body.`) }, json: json.value, pointers };
  }
  if (success.value === true) return { verdict: { kind: 'success', summary: `Success: HTTP ${status} and ${parser.success} is true.` }, json: json.value, pointers };
  const found = success.value === false ? 'false' : `${JSON.stringify(success.value)} (a ${jsonTypeOf(success.value)}, not the boolean true)`;
  return { verdict: { kind: 'failure', errors, summary: withErrors(`Failed: ${parser.success} is ${found}.`) }, json: json.value, pointers };
}

function parseJson(body: Uint8Array, truncated: boolean): { value: unknown } | undefined {
  if (truncated) return undefined;
  try {
    return { value: JSON.parse(bodyText(body)) as unknown };
  } catch {
    return undefined;
  }
}

/** The values at `parser.errors` as messages: strings as they are, objects by their `message` or as JSON. */
function errorMessages(entry: PointerValue | undefined): string[] {
  if (!entry?.found || entry.value === null || entry.value === undefined) return [];
  const list = Array.isArray(entry.value) ? entry.value : [entry.value];
  return list.map((item) => {
    if (typeof item === 'string') return item;
    const message = (item as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : JSON.stringify(item);
  });
}
