// A workspace schema is the workspace's code running in the checker, in Restricted Mode too: it must
// not be able to freeze or crash checking. Before it is compiled, its size is measured against fixed
// limits: nesting (the compiler recurses), enum values (each is a comparison in generated code), and
// its size with local `$ref`s expanded (references that fan out to each other multiply the work of
// every validation exponentially while the file stays small). A reference back to a schema already
// being expanded is a recursion, followed once: recursion that consumes the data is legitimate.
// Patterns are handled apart (linearRegExp.ts).

export const SCHEMA_LIMITS = {
  /** Nesting of the schema's JSON. */
  depth: 64,
  /** Enum values across the schema. */
  enumValues: 10_000,
  /** Schema objects and values visited with references expanded. */
  expandedNodes: 250_000,
} as const;

/** Why the schema is beyond a limit, or undefined when it is within all of them. */
export function schemaBudgetProblem(schema: unknown): string | undefined {
  let enumValues = 0;
  let visited = 0;
  // Iterative depth-first walk; `exit` entries take a reference off the current expansion path.
  type Entry = { value: unknown; depth: number } | { exit: string };
  const stack: Entry[] = [{ value: schema, depth: 0 }];
  const expanding = new Set<string>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if ('exit' in entry) {
      expanding.delete(entry.exit);
      continue;
    }
    const { value, depth } = entry;
    if (++visited > SCHEMA_LIMITS.expandedNodes) {
      return `it is too large to check within budget: more than ${SCHEMA_LIMITS.expandedNodes.toLocaleString('en-US')} schema values with its $refs expanded`;
    }
    if (depth > SCHEMA_LIMITS.depth) return `it nests more than ${SCHEMA_LIMITS.depth} levels deep`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (key === 'enum' && Array.isArray(child)) {
        enumValues += child.length;
        if (enumValues > SCHEMA_LIMITS.enumValues) return `it lists more than ${SCHEMA_LIMITS.enumValues.toLocaleString('en-US')} enum values`;
        continue;
      }
      if (key === '$ref' && typeof child === 'string') {
        const target = localTarget(schema, child);
        if (target !== undefined && !expanding.has(child)) {
          expanding.add(child);
          stack.push({ exit: child }, { value: target, depth: depth + 1 });
        }
        continue;
      }
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The schema a local reference (`#`, `#/definitions/a`) points at, if any. */
function localTarget(root: unknown, ref: string): unknown {
  if (ref === '#' || ref === '') return root;
  if (!ref.startsWith('#/')) return undefined;
  let at: unknown = root;
  let tokens: string[];
  try {
    tokens = decodeURIComponent(ref.slice(2)).split('/');
  } catch {
    return undefined;
  }
  for (const raw of tokens) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, token)) return undefined;
    at = (at as Record<string, unknown>)[token];
  }
  return at;
}
