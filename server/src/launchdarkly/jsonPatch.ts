// The JSON Patch (RFC 6902) an update sends. It starts with a `test` of the version the author saw,
// so a configuration someone else changed meanwhile is not overwritten: LaunchDarkly then refuses
// the whole patch. Config values are set with `add`, which replaces a present key and adds an absent
// one (an optional value never saved); `replace` would fail on the absent one. Pure.

export type PatchOperation =
  | { readonly op: 'test' | 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

/** What an update changes; absent fields stay as they are. */
export interface ConfigurationChange {
  readonly on?: boolean;
  readonly name?: string;
  readonly tags?: readonly string[];
  /** Config values to set, already validated against the manifest's form variables. */
  readonly config?: Readonly<Record<string, unknown>>;
}

/** RFC 6901: `~` and `/` in a key are escaped so that the key stays one segment. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function buildPatch(change: ConfigurationChange, expectedVersion: number | undefined): PatchOperation[] {
  const ops: PatchOperation[] = [];
  if (expectedVersion !== undefined) ops.push({ op: 'test', path: '/version', value: expectedVersion });
  if (change.on !== undefined) ops.push({ op: 'replace', path: '/on', value: change.on });
  if (change.name !== undefined) ops.push({ op: 'add', path: '/name', value: change.name });
  if (change.tags !== undefined) ops.push({ op: 'add', path: '/tags', value: [...change.tags] });
  for (const [key, value] of Object.entries(change.config ?? {})) ops.push({ op: 'add', path: `/config/${pointerSegment(key)}`, value });
  return ops;
}

/** Whether the patch changes anything beyond its version test. */
export function changesSomething(ops: readonly PatchOperation[]): boolean {
  return ops.some((op) => op.op !== 'test');
}
