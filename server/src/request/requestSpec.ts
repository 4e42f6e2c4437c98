// What a featureStore request needs from the manifest: its endpoint (templates still unrendered), the
// parser of the validation request, the payload wrappers of the store request, the form variables the
// request's templates reference (in manifest order) and the template errors that forbid sending it.
import type { JSONPath, Node } from 'jsonc-parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { nodeAt, type ManifestDocument } from '../engine/manifestDocument';
import { valueOf } from '../engine/jsonTree';
import { resolveReference, templateSites } from '../engine/templates/analysis';
import { templateDiagnostics } from '../engine/templates/diagnostics';
import { FEATURE_STORE_KEY } from '../engine/templates/scopes';
import { excerpt } from '../engine/excerpt';
import { requestVariables, type RequestVariable } from './requestVariables';

import { REQUEST_PROPERTY, type RequestKind } from '../engine/storeRequests';

export type { RequestKind };

export interface EndpointSpec {
  readonly url: string;
  readonly method: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
}

export interface ParserSpec {
  readonly success: string;
  readonly errors?: string;
}

export interface RequestSpec {
  readonly kind: RequestKind;
  /** `capabilities.featureStore.validationRequest`, for messages. */
  readonly path: string;
  readonly endpoint: EndpointSpec;
  /** Only the validation request has one. */
  readonly parser?: ParserSpec;
  readonly payloadPrefix?: string;
  readonly payloadSuffix?: string;
  /** Form variables the request's templates reference, in the order the manifest declares them. */
  readonly variables: readonly RequestVariable[];
  readonly usesFeatureStoreKey: boolean;
  readonly usesEnvId: boolean;
  /** Error diagnostics inside the request (`line:column message`): when any, the request is not sent. */
  readonly templateErrors: readonly string[];
}

export type SpecResult = { readonly ok: true; readonly spec: RequestSpec } | { readonly ok: false; readonly problem: string };

export function requestSpec(doc: ManifestDocument, kind: RequestKind): SpecResult {
  const requestPath: JSONPath = ['capabilities', 'featureStore', REQUEST_PROPERTY[kind]];
  const where = requestPath.join('.');
  if (!doc.root) return { ok: false, problem: 'the manifest is empty' };
  if (doc.syntaxErrors.length > 0) return { ok: false, problem: 'the manifest is not valid JSON; fix its syntax errors first' };
  const request = nodeAt(doc, requestPath);
  if (request?.type !== 'object') return { ok: false, problem: `the manifest has no \`${where}\`` };
  const endpoint = readEndpoint(nodeAt(doc, [...requestPath, 'endpoint']));
  if (typeof endpoint === 'string') return { ok: false, problem: `\`${where}.endpoint\` ${endpoint}` };
  let parser: ParserSpec | undefined;
  if (kind === 'validation') {
    const success = stringAt(doc, [...requestPath, 'parser', 'success']);
    if (success === undefined) return { ok: false, problem: `\`${where}.parser.success\` must be a JSON pointer string` };
    parser = { success, errors: stringAt(doc, [...requestPath, 'parser', 'errors']) };
  }

  const referenced = new Set<string>();
  let usesFeatureStoreKey = false;
  let usesEnvId = false;
  for (const site of templateSites(doc)) {
    if (!isUnder(site.string.path, requestPath)) continue;
    for (const reference of site.model?.references ?? []) {
      const resolution = resolveReference(site, reference);
      if (resolution.kind === 'variable') referenced.add(resolution.variable.key);
      else if (resolution.kind === 'builtin' && resolution.builtin.name === FEATURE_STORE_KEY) usesFeatureStoreKey = true;
      else if (resolution.kind === 'builtin' && resolution.builtin.name === 'envId') usesEnvId = true;
    }
  }
  const declared = requestVariables(nodeAt(doc, ['capabilities', 'featureStore', 'formVariables']));
  return {
    ok: true,
    spec: {
      kind,
      path: where,
      endpoint,
      parser,
      payloadPrefix: stringAt(doc, [...requestPath, 'payloadPrefix']),
      payloadSuffix: stringAt(doc, [...requestPath, 'payloadSuffix']),
      variables: declared.filter((v) => referenced.has(v.key)),
      usesFeatureStoreKey,
      usesEnvId,
      templateErrors: templateErrorsIn(doc, request),
    },
  };
}

/** RFC 9110's token: what a method and a header name are made of. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function readEndpoint(node: Node | undefined): EndpointSpec | string {
  if (node?.type !== 'object') return 'is missing';
  const url = valueOf(node, 'url')?.value;
  const method = valueOf(node, 'method')?.value;
  if (typeof url !== 'string') return 'has no `url` string';
  if (typeof method !== 'string') return 'has no `method` string';
  if (!HTTP_TOKEN.test(method)) return `has a \`method\` that is not an HTTP method name (${JSON.stringify(excerpt(method))})`;
  const headers: { name: string; value: string }[] = [];
  for (const entry of valueOf(node, 'headers')?.children ?? []) {
    const name = valueOf(entry, 'name')?.value;
    const headerValue = valueOf(entry, 'value')?.value;
    if (typeof name !== 'string' || typeof headerValue !== 'string') return 'has a header without a `name` and `value` string';
    if (!HTTP_TOKEN.test(name)) return `has a header name that is not an HTTP token (${JSON.stringify(excerpt(name))})`;
    headers.push({ name, value: headerValue });
  }
  return { url, method, headers };
}

function stringAt(doc: ManifestDocument, path: JSONPath): string | undefined {
  const value = nodeAt(doc, path)?.value;
  return typeof value === 'string' ? value : undefined;
}

function isUnder(path: JSONPath, prefix: JSONPath): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/** The template checks' errors whose range lies inside the request: the same ones the editor shows. */
function templateErrorsIn(doc: ManifestDocument, request: Node): string[] {
  const end = request.offset + request.length;
  return templateDiagnostics(doc)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .filter((d) => doc.text.offsetAt(d.range.start) >= request.offset && doc.text.offsetAt(d.range.end) <= end)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}
