// Validates a manifest with the schema in force and turns each ajv error into one diagnostic on the
// narrowest range: an unknown key on that key, a wrong value on the value, a missing key on the key
// of the object that lacks it.
import { getNodePath, getNodeValue, type Node } from 'jsonc-parser';
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { nodeAtPointer, nodeRange, propertyKeyNode, rangeOf, type ManifestDocument } from '../manifestDocument';
import type { SchemaContext } from '../schema/schemaContext';
import { navigatorFor } from '../schema/schemaNavigator';
import { nearestName } from '../nearestName';
import { makeDiagnostic } from './makeDiagnostic';
import { propertiesNamed } from '../jsonTree';
import type { DiagnosticCode } from './allCodes';
import { selectErrors } from './schemaErrors';
import { describePattern, describeValue, locationLabel, quoteList } from './schemaWording';
import { excerpt } from '../excerpt';
import { countWork } from '../workMeter';
import { append } from '../append';

export function schemaDiagnostics(doc: ManifestDocument, context: SchemaContext): Diagnostic[] {
  const root = doc.root;
  if (!root || root.type !== 'object') return [];
  // The platform's JSON.parse builds the same value several times faster than reading it off the tree.
  const value: unknown = doc.strict ? JSON.parse(doc.text.getText().replace(/^\uFEFF/, '')) : getNodeValue(root);
  if (context.validate(value)) return [];
  const errors = selectErrors(context.validate.errors ?? []);
  const syntaxOffsets = doc.syntaxErrors.map((e) => e.offset);
  const result: Diagnostic[] = [];
  for (const error of errors) {
    countWork();
    const node = nodeAtPointer(root, error.instancePath);
    if (!node) continue;
    // A key that is only "missing" because the author is typing inside a broken object is noise.
    if (error.keyword === 'required' && syntaxOffsets.some((o) => o >= node.offset && o <= node.offset + node.length)) continue;
    append(result, toDiagnostics(doc, context, error, node));
  }
  return result;
}

function toDiagnostics(doc: ManifestDocument, context: SchemaContext, error: ErrorObject, node: Node): Diagnostic[] {
  const path = getNodePath(node);
  const label = locationLabel(path);
  const params = error.params as Record<string, unknown>;
  const on = (code: DiagnosticCode, range: Range, message: string) => [makeDiagnostic(code, range, message)];

  if (error.propertyName !== undefined || error.keyword === 'additionalProperties') {
    const key = error.propertyName ?? String(params.additionalProperty);
    const allowed = navigatorFor(context.schema).keysAt(path).map((k) => k.key);
    const suggestion = nearestName(key, allowed);
    const where = path.length === 0 ? 'at the top level of the manifest' : `in ${label}`;
    const hint = suggestion
      ? `did you mean "${suggestion}"?`
      : allowed.length > 0
        ? `allowed keys: ${quoteList(allowed)}.`
        : 'remove it.';
    return keyNodes(node, key).map((keyNode) =>
      makeDiagnostic('schema-unknown-key', nodeRange(doc, keyNode), `"${excerpt(key)}" is not allowed ${where}; ${hint}`, {
        data: suggestion ? { suggestion } : undefined,
      }),
    );
  }

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = path.length === 0 ? 'The manifest' : label;
      return on('schema-missing-key', ownerRange(doc, node), `${where} is missing the required key "${missing}"; add it.`);
    }
    case 'type': {
      const expected = String(params.type).split(',');
      return on('schema-wrong-type', valueRange(doc, node), `${label} must be ${expected.map(article).join(' or ')}, not ${article(node.type).replace('true or false', 'a boolean')}.`);
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const actual = describeValue(node);
      const suggestion = typeof node.value === 'string' ? nearestName(node.value, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      const message =
        `${actual} is not an allowed value for ${label}; use ${allowed.length === 1 ? '' : 'one of '}${quoteList(allowed)}.` +
        (suggestion ? ` Did you mean "${suggestion}"?` : '');
      return [makeDiagnostic('schema-value-not-allowed', valueRange(doc, node), message, { data: suggestion ? { suggestion } : undefined })];
    }
    case 'pattern': {
      const authored = schemaErrorMessage(context, path);
      const message = authored
        ? `${label}: ${authored} Found ${describeValue(node)}.`
        : `${label} ${describePattern(String(params.pattern))} (found ${describeValue(node)}).`;
      return on('schema-pattern', valueRange(doc, node), message);
    }
    case 'minLength':
    case 'maxLength': {
      const length = typeof node.value === 'string' ? [...node.value].length : 0;
      const limit = Number(params.limit);
      const message =
        error.keyword === 'minLength'
          ? `${label} is too short: ${length} character${length === 1 ? '' : 's'}, at least ${limit} needed.`
          : `${label} is too long: ${length} characters, at most ${limit} allowed; shorten it by ${length - limit}.`;
      return on('schema-length', valueRange(doc, node), message);
    }
    case 'format':
      return on('schema-format', valueRange(doc, node), `${label} must be ${formatName(String(params.format))} (found ${describeValue(node)}).`);
    case 'minItems':
      return on('schema-items', valueRange(doc, node), `${label} needs at least ${Number(params.limit)} item${Number(params.limit) === 1 ? '' : 's'}.`);
    case 'maxItems': {
      const count = node.children?.length ?? 0;
      return on('schema-items', valueRange(doc, node), `${label} allows at most ${Number(params.limit)} items; remove ${count - Number(params.limit)}.`);
    }
    case 'uniqueItems': {
      // ajv names the two equal items i and j; the later one is the duplicate to remove.
      const later = node.children?.[Math.max(Number(params.i), Number(params.j))] ?? node;
      return on('schema-items', nodeRange(doc, later), `${describeValue(later)} appears twice in ${label}; remove the duplicate.`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return on('schema-range', valueRange(doc, node), `${label} must be ${params.comparison} ${params.limit}.`);
    case 'minProperties':
    case 'maxProperties':
      return on('schema-properties', valueRange(doc, node), `${label} must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${params.limit} properties.`);
    default:
      return on('schema-invalid', valueRange(doc, node), `${label} ${error.message ?? 'is not valid'}.`);
  }
}

function keyNodes(objectNode: Node, key: string): Node[] {
  const keys = propertiesNamed(objectNode, key).flatMap((p) => p.children?.[0] ?? []);
  return keys.length > 0 ? keys : [objectNode];
}

/** Where to report on an object as a whole: its key when it has one, else its opening brace. */
function ownerRange(doc: ManifestDocument, node: Node): Range {
  const key = propertyKeyNode(node);
  return key ? nodeRange(doc, key) : rangeOf(doc, node.offset, 1);
}

/** A scalar is underlined whole; an object or array spanning lines is reported on its key. */
function valueRange(doc: ManifestDocument, node: Node): Range {
  const range = nodeRange(doc, node);
  if ((node.type === 'object' || node.type === 'array') && range.start.line !== range.end.line) return ownerRange(doc, node);
  return range;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false',
    object: 'an object', array: 'an array', null: 'null',
  };
  return names[type] ?? type;
}

function formatName(format: string): string {
  const names: Record<string, string> = {
    email: 'an email address such as support@example.com', uri: 'an absolute URI such as https://example.com',
    'uri-reference': 'a URI', hostname: 'a host name', date: 'a date (YYYY-MM-DD)', 'date-time': 'a date and time (RFC 3339)',
  };
  return names[format] ?? `a valid ${format}`;
}

function schemaErrorMessage(context: SchemaContext, path: (string | number)[]): string | undefined {
  return navigatorFor(context.schema).schemasAt(path).find((s) => s.errorMessage)?.errorMessage;
}
