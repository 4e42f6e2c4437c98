// Regular expressions a manifest hands to LaunchDarkly: syncedSegment `arrayInclusion.matcher`,
// approval parsers' `approvalMatcher` / `rejectionMatcher`, trigger `testEventNameRegexp`. LaunchDarkly
// runs Go's regexp (RE2, an inference: rendering.md), the framework's validation server JavaScript's
// RegExp: a pattern must compile in both (no lookaround or back-references, no inline flags). Only
// compiled here, never matched by JavaScript; the one match test runs on RE2, which is linear.
// An `arrayInclusion` matcher decides that a request *adds* its members; one that also accepts a
// removal action (Tealium's `^(add_member|remove_member)$`) turns removals into additions.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RE2JS } from 're2js';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { forEachStringValue, memo, nodeRange, type ManifestDocument } from '../manifestDocument';
import { excerpt } from '../excerpt';

const FIELDS = new Set(['matcher', 'approvalMatcher', 'rejectionMatcher', 'testEventNameRegexp']);

/** Action names that mean "remove these members" in the services that send synced segments. */
const REMOVALS = ['remove', 'removed', 'remove_member', 'remove_members', 'removeMembers', 'delete', 'deleted', 'delete_members', 'exit', 'exited', 'leave', 'left'];

export function regexFieldDiagnostics(doc: ManifestDocument): Diagnostic[] {
  return memo(doc, 'regexFieldDiagnostics', () => {
    const out: Diagnostic[] = [];
    forEachStringValue(doc, (node, path) => {
      const key = path[path.length - 1];
      if (typeof key !== 'string' || !FIELDS.has(key) || path[0] !== 'capabilities') return;
      if (key === 'matcher' && path[path.length - 2] !== 'arrayInclusion') return;
      const problem = compileProblem(String(node.value));
      if (problem) {
        out.push(makeDiagnostic('regex-not-portable', nodeRange(doc, node), problem));
        return;
      }
      if (key === 'matcher') {
        const removal = matchedRemoval(String(node.value));
        if (removal) out.push(removalDiagnostic(doc, node, removal));
      }
    });
    return out;
  });
}

function compileProblem(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
  } catch (error) {
    return `LaunchDarkly's regular expressions (Go, RE2) reject /${excerpt(pattern)}/: ${excerpt(String((error as Error).message).replace(/^error parsing regexp: /, ''), 120)}. Lookaround and back-references are not available.`;
  }
  try {
    // Compiled only: JavaScript's matching is not linear, and nothing here matches with it.
    new RegExp(pattern);
  } catch {
    return `JavaScript's RegExp (the framework's validation server) rejects /${excerpt(pattern)}/: inline flags such as (?i) are not JavaScript; write the alternatives out, e.g. [Aa]dd.`;
  }
  return undefined;
}

function matchedRemoval(pattern: string): string | undefined {
  const re = RE2JS.compile(pattern);
  return REMOVALS.find((word) => re.matcher(word).find());
}

function removalDiagnostic(doc: ManifestDocument, node: Node, removal: string): Diagnostic {
  return makeDiagnostic(
    'synced-segment-matcher-removal',
    nodeRange(doc, node),
    `This matcher decides that a request adds all its members, and it also matches "${removal}": a removal would add the members instead. Match only the add action (for example ^add_member$); without a match the members are removed.`,
  );
}
