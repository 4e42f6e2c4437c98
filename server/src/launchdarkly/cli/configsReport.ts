// What `ld-manifest configs` prints: configurations, validation results, deletions, as text or JSON.
// Secret config values are write-only: shown as •••• by their form variable's `isSecret`, whether or
// not LaunchDarkly echoes them, and every output passes through the run's SecretMasker (the token and
// every secret value given or read, in every encoding) and, as text, `printable`.
import { printable } from '../../request/report';
import type { SecretMasker } from '../../request/secretMasker';
import { MASK } from '../../request/symbolic';
import { ownValue, setOwn } from '../../engine/ownRecord';
import type { PersistentStoreStatus, StoreConfiguration, ValidationResult } from '../responses';
import { validationSucceeded } from '../responses';
import { KIND_LABEL, type StoreKind } from '../routes';

export interface ReportContext {
  readonly kind: StoreKind;
  readonly secretKeys: ReadonlySet<string>;
  readonly masker: SecretMasker;
  readonly format: 'text' | 'json';
}

/** The config with every secret variable's value replaced by the mask (an empty one stays empty). */
export function writeOnlyConfig(config: Readonly<Record<string, unknown>>, secretKeys: ReadonlySet<string>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const key of Object.keys(config)) {
    const value = ownValue(config, key);
    setOwn(shown, key, secretKeys.has(key) && value !== '' && value !== null && value !== undefined ? MASK : value);
  }
  return shown;
}

function configurationJson(c: StoreConfiguration, context: ReportContext): Record<string, unknown> {
  return {
    id: c.id,
    kind: context.kind,
    integrationKey: c.integrationKey,
    projectKey: c.projectKey,
    environmentKey: c.environmentKey,
    name: c.name,
    on: c.on,
    tags: c.tags,
    version: c.version,
    config: writeOnlyConfig(c.config, context.secretKeys),
    ...(c.status ? { status: c.status } : {}),
  };
}

export function configurationsReport(list: readonly StoreConfiguration[], context: ReportContext, integrationKey: string): string {
  if (context.format === 'json') return json(list.map((c) => configurationJson(c, context)), context);
  if (list.length === 0) return `No ${KIND_LABEL[context.kind]}s of '${integrationKey}' found.\n`;
  const lines = list.map((c) => {
    const tags = c.tags.length > 0 ? `  tags ${c.tags.join(', ')}` : '';
    const status = c.status ? `  ${statusWord(c.status)}` : '';
    return `${c.projectKey}/${c.environmentKey}  ${c.id}  ${c.on ? 'on' : 'off'}  v${c.version}  ${JSON.stringify(c.name)}${tags}${status}`;
  });
  return text([...lines, `${list.length} ${KIND_LABEL[context.kind]}${list.length === 1 ? '' : 's'} of '${integrationKey}'.`], context);
}

export function configurationReport(c: StoreConfiguration, context: ReportContext, heading: string): string {
  if (context.format === 'json') return json(configurationJson(c, context), context);
  const config = writeOnlyConfig(c.config, context.secretKeys);
  const lines = [
    `${heading} ${KIND_LABEL[context.kind]} ${c.id} of '${c.integrationKey}' in ${c.projectKey}/${c.environmentKey}`,
    `  name:    ${c.name === '' ? '(none)' : c.name}`,
    `  on:      ${c.on ? 'yes' : 'no'}`,
    `  tags:    ${c.tags.length > 0 ? c.tags.join(', ') : '(none)'}`,
    `  version: ${c.version}`,
    '  config:',
    ...Object.keys(config).map((key) => `    ${key}: ${JSON.stringify(ownValue(config, key))}`),
    ...(c.status ? statusLines(c.status) : []),
  ];
  return text(lines, context);
}

function statusWord(status: PersistentStoreStatus): string {
  if (status.available === undefined) return 'status unknown';
  return `${status.available ? 'available' : 'unavailable'}${status.potentiallyStale ? ', potentially stale' : ''}`;
}

function statusLines(status: PersistentStoreStatus): string[] {
  const at = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString());
  return [
    `  status:  ${statusWord(status)}`,
    `    last sync:  ${at(status.lastSync)}`,
    `    last error: ${at(status.lastError)}`,
    ...status.errors.map((e) => `    error ${e.statusCode ?? '?'} at ${at(e.timestamp)}: ${e.message ?? ''}`),
  ];
}

export function validationReport(result: ValidationResult, context: ReportContext, subject: string): string {
  const { masker } = context;
  const passed = validationSucceeded(result);
  // The partner's words (its body, LaunchDarkly's error about it): withheld when a secret is too short to mask.
  const body = result.responseBody === undefined ? undefined : masker.outside(result.responseBody);
  const error = result.error === undefined ? undefined : masker.outside(result.error);
  if (context.format === 'json') {
    return json({ passed, statusCode: result.statusCode, error, timestamp: result.timestamp, responseBody: body }, context);
  }
  const lines = [
    `LaunchDarkly validated ${subject}: ${passed ? 'passed' : 'FAILED'}`,
    `  status code: ${result.statusCode ?? '(none)'}`,
    ...(error ? [`  error: ${error}`] : []),
    `  at: ${result.timestamp === undefined ? '(no timestamp)' : new Date(result.timestamp).toISOString()}`,
    '  response body:',
    ...(body ? body.split('\n').map((line) => `    ${line}`) : ['    (empty)']),
  ];
  return text(lines, context);
}

export function deletedReport(subject: string, context: ReportContext): string {
  return context.format === 'json' ? json({ deleted: true, subject }, context) : text([`Deleted ${subject}.`], context);
}

function text(lines: readonly string[], context: ReportContext): string {
  return printable(context.masker.mask(lines.join('\n'))) + '\n';
}

/** Masked value by value; C1 controls (a terminal's 8-bit CSI) and DEL escaped, as the request report does. */
function json(value: unknown, context: ReportContext): string {
  return JSON.stringify(context.masker.maskJson(value), null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) + '\n';
}
