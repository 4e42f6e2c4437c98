// RFC 6902 JSON Patch as the stand-in applies it to a stored configuration: add, remove, replace and
// test, all or nothing. A path outside what may be written (the id, the version, `_links`) is refused;
// an operation that cannot apply (a missing target, a failed test) fails the whole patch (LaunchDarkly
// answers 422). The stand-in's own code: nothing is shared with the product's patch builder.

export type PatchOutcome = { readonly ok: true; readonly document: Record<string, unknown> } | { readonly ok: false; readonly status: 400 | 422; readonly message: string };

const WRITABLE_ROOTS = new Set(['on', 'name', 'tags', 'config']);
const OP_KEYS = new Set(['op', 'path', 'value', 'from']);

export function applyPatch(original: Record<string, unknown>, body: unknown): PatchOutcome {
  if (!Array.isArray(body) || body.length === 0) return { ok: false, status: 400, message: 'the body must be a non-empty JSON Patch array' };
  const document = structuredClone(original);
  for (const [index, raw] of body.entries()) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, status: 400, message: `operation ${index} is not an object` };
    const op = raw as Record<string, unknown>;
    const unknown = Object.keys(op).find((k) => !OP_KEYS.has(k));
    if (unknown) return { ok: false, status: 400, message: `operation ${index} has an unknown field '${unknown}'` };
    if (typeof op.path !== 'string' || !op.path.startsWith('/')) return { ok: false, status: 400, message: `operation ${index} has no JSON pointer path` };
    const segments = op.path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (!['add', 'remove', 'replace', 'test'].includes(op.op as string)) return { ok: false, status: 400, message: `operation ${index}: op '${String(op.op)}' is not supported` };
    if (op.op !== 'test' && !WRITABLE_ROOTS.has(segments[0]!)) return { ok: false, status: 400, message: `${op.path} cannot be written` };
    if (op.op !== 'remove' && !('value' in op)) return { ok: false, status: 400, message: `operation ${index} has no value` };
    const problem = applyOne(document, op.op as string, segments, op.value);
    if (problem) return { ok: false, status: 422, message: `operation ${index} (${String(op.op)} ${op.path}): ${problem}` };
  }
  return { ok: true, document };
}

function applyOne(document: Record<string, unknown>, op: string, segments: string[], value: unknown): string | undefined {
  const parentPath = segments.slice(0, -1);
  const last = segments[segments.length - 1]!;
  let parent: unknown = document;
  for (const segment of parentPath) {
    parent = child(parent, segment);
    if (parent === undefined) return 'the path does not exist';
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!/^\d+$|^-$/.test(last) || index > parent.length || (op !== 'add' && index >= parent.length)) return 'no such array index';
    if (op === 'test') return JSON.stringify(parent[index]) === JSON.stringify(value) ? undefined : 'the test failed';
    if (op === 'add') parent.splice(index, 0, value);
    else if (op === 'remove') parent.splice(index, 1);
    else parent[index] = value;
    return undefined;
  }
  if (parent === null || typeof parent !== 'object') return 'the path does not exist';
  const record = parent as Record<string, unknown>;
  const exists = Object.prototype.hasOwnProperty.call(record, last);
  if (op === 'test') return exists && JSON.stringify(record[last]) === JSON.stringify(value) ? undefined : 'the test failed';
  if ((op === 'remove' || op === 'replace') && !exists) return 'the path does not exist';
  if (op === 'remove') delete record[last];
  else record[last] = value;
  return undefined;
}

function child(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, segment)) return (value as Record<string, unknown>)[segment];
  return undefined;
}
