// The syncedSegment `requestParser` applied to a request body the way LaunchDarkly's validation
// server applies it (facts: rendering.md, "The syncedSegment request parser"): the environment, context
// kind, cohort, and the members added and removed, in one of the three membership shapes. A falsy value
// at a required path counts as missing there, as that server does. Matchers run on RE2 (linear).
import { RE2JS } from 're2js';
import { selectPointer } from '../pointers/jsonPointer';

export interface SegmentParser {
  readonly environmentIdPath?: string;
  readonly contextKindPath?: string;
  readonly cohortIdPath?: string;
  readonly cohortNamePath?: string;
  readonly cohortUrlPath?: string;
  readonly memberArrayPath?: string;
  readonly addMemberArrayPath?: string;
  readonly removeMemberArrayPath?: string;
  readonly arrayInclusion?: { readonly path?: string; readonly matcher?: string };
  readonly memberArrayParser?: {
    readonly memberIdPath?: string;
    readonly booleanMembershipPath?: string;
    readonly cohortIdPath?: string;
    readonly cohortNamePath?: string;
  };
}

export interface SegmentExtraction {
  readonly environmentId: string;
  readonly contextKind: string;
  readonly cohortId: string;
  readonly cohortName: string;
  readonly cohortUrl?: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** For arrayInclusion: whether the matcher matched the value at its path. */
  readonly matcherMatched?: boolean;
}

export type SegmentResult = { readonly ok: true; readonly extraction: SegmentExtraction } | { readonly ok: false; readonly problems: readonly string[] };

/** The most members read from one sample: a preview, not a bulk import. */
const MAX_MEMBERS = 1000;

export function applySegmentParser(parser: SegmentParser, body: unknown): SegmentResult {
  const problems: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  const at = (root: unknown, pointer: string | undefined) => (pointer === undefined ? undefined : selectPointer(root, pointer));
  const required = (root: unknown, pointer: string | undefined, name: string): string => {
    if (pointer === undefined) {
      problems.push(`${name} is not set`);
      return '';
    }
    const found = at(root, pointer);
    // The validation server treats false, 0 and "" as missing too.
    if (!found?.found || !found.value) {
      problems.push(`${name} (${pointer}) selects nothing${found?.found ? ' but a falsy value' : ''}`);
      return '';
    }
    return text(found.value) ?? JSON.stringify(found.value);
  };
  const optional = (root: unknown, pointer: string | undefined): string | undefined => {
    const found = at(root, pointer);
    return found?.found ? text(found.value) : undefined;
  };
  const array = (pointer: string | undefined, name: string, fallbackEmpty: boolean): unknown[] => {
    if (pointer === undefined) return [];
    const found = at(body, pointer);
    if (found?.found && Array.isArray(found.value)) return found.value.slice(0, MAX_MEMBERS);
    if (!found?.found && fallbackEmpty) return [];
    problems.push(`${name} (${pointer}) ${found?.found ? 'is not an array' : 'selects nothing'}`);
    return [];
  };

  const environmentId = required(body, parser.environmentIdPath, 'environmentIdPath');
  const contextKind = optional(body, parser.contextKindPath) ?? 'user';
  const cohortId = required(body, parser.cohortIdPath, 'cohortIdPath');
  const cohortName = required(body, parser.cohortNamePath, 'cohortNamePath');
  const cohortUrl = optional(body, parser.cohortUrlPath);
  const member = parser.memberArrayParser ?? {};
  const idOf = (item: unknown) => required(item, member.memberIdPath, 'memberArrayParser.memberIdPath');

  const added: string[] = [];
  const removed: string[] = [];
  let matcherMatched: boolean | undefined;
  if (parser.addMemberArrayPath !== undefined || parser.removeMemberArrayPath !== undefined) {
    for (const item of array(parser.addMemberArrayPath, 'addMemberArrayPath', true)) added.push(idOf(item));
    for (const item of array(parser.removeMemberArrayPath, 'removeMemberArrayPath', true)) removed.push(idOf(item));
  } else if (parser.arrayInclusion) {
    const value = optional(body, parser.arrayInclusion.path) ?? '';
    try {
      matcherMatched = RE2JS.compile(parser.arrayInclusion.matcher ?? '').matcher(value).find();
    } catch {
      problems.push('arrayInclusion.matcher does not compile');
    }
    for (const item of array(parser.memberArrayPath, 'memberArrayPath', false)) (matcherMatched ? added : removed).push(idOf(item));
  } else {
    for (const item of array(parser.memberArrayPath, 'memberArrayPath', false)) {
      const membership = at(item, member.booleanMembershipPath);
      (membership?.found && membership.value === true ? added : removed).push(idOf(item));
    }
  }
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, extraction: { environmentId, contextKind, cohortId, cohortName, ...(cohortUrl ? { cohortUrl } : {}), added, removed, ...(matcherMatched === undefined ? {} : { matcherMatched }) } };
}

/** Action names services send to add members: the first the matcher accepts is the made-up body's action. */
const ADD_ACTIONS = ['add', 'add_member', 'add_members', 'members', 'added', 'include', 'true'];

function addAction(matcher: string | undefined): string {
  try {
    const re = RE2JS.compile(matcher ?? '');
    return ADD_ACTIONS.find((action) => re.matcher(action).find()) ?? 'add';
  } catch {
    return 'add';
  }
}

/** A request body made from the parser itself, for when the manifest has no sample: one of each thing it reads. */
export function sampleRequestFor(parser: SegmentParser): unknown {
  const body: Record<string, unknown> = {};
  const put = (root: Record<string, unknown>, pointer: string | undefined, value: unknown) => {
    if (!pointer || !pointer.startsWith('/')) return;
    const tokens = pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let at: Record<string, unknown> | unknown[] = root;
    tokens.forEach((token, i) => {
      const last = i === tokens.length - 1;
      const next = last ? value : /^\d+$/.test(tokens[i + 1]!) ? [] : {};
      const container = at as Record<string, unknown>;
      if (last) container[token] = value;
      else if (container[token] === undefined || typeof container[token] !== 'object') container[token] = next;
      if (!last) at = container[token] as Record<string, unknown>;
    });
  };
  put(body, parser.environmentIdPath, 'sample-client-side-id');
  put(body, parser.contextKindPath, 'user');
  put(body, parser.cohortIdPath, 'cohort-1');
  put(body, parser.cohortNamePath, 'Sample cohort');
  put(body, parser.cohortUrlPath, 'https://example.com/cohorts/1');
  const member = parser.memberArrayParser ?? {};
  const memberOf = (id: string, inSegment: boolean) => {
    const item: Record<string, unknown> = {};
    put(item, member.memberIdPath, id);
    put(item, member.booleanMembershipPath, inSegment);
    put(item, member.cohortIdPath, 'cohort-1');
    put(item, member.cohortNamePath, 'Sample cohort');
    return item;
  };
  if (parser.addMemberArrayPath !== undefined || parser.removeMemberArrayPath !== undefined) {
    put(body, parser.addMemberArrayPath, [memberOf('user-1', true)]);
    put(body, parser.removeMemberArrayPath, [memberOf('user-2', false)]);
  } else {
    put(body, parser.memberArrayPath, [memberOf('user-1', true), memberOf('user-2', false)]);
    put(body, parser.arrayInclusion?.path, addAction(parser.arrayInclusion?.matcher));
  }
  return body;
}
