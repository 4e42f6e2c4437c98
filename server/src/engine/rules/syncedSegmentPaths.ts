// The syncedSegment request parser describes members either as one array (`memberArrayPath`, with
// `arrayInclusion` or a per-member `booleanMembershipPath` deciding add or remove) or as two arrays
// (`addMemberArrayPath` + `removeMemberArrayPath`). LaunchDarkly's CI enforces these combinations;
// a parser with no member array at all is the one it forgets.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { keyOf, valueAt } from '../jsonTree';

export function syncedSegmentPathDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const requestParserKey = keyOf(valueAt(doc.root, 'capabilities', 'syncedSegment'), 'requestParser');
  const parser = valueAt(doc.root, 'capabilities', 'syncedSegment', 'requestParser');
  if (parser?.type !== 'object' || !requestParserKey) return [];
  const diagnostics: Diagnostic[] = [];
  const report = (node: Node, message: string) => diagnostics.push(makeDiagnostic('synced-segment-paths', nodeRange(doc, node), message));
  const add = keyOf(parser, 'addMemberArrayPath');
  const remove = keyOf(parser, 'removeMemberArrayPath');
  const single = keyOf(parser, 'memberArrayPath');
  const inclusion = keyOf(parser, 'arrayInclusion');
  const booleanMembership = keyOf(valueAt(parser, 'memberArrayParser'), 'booleanMembershipPath');

  if (add && !remove) report(add, '"addMemberArrayPath" needs "removeMemberArrayPath": the two arrays go together.');
  if (remove && !add) report(remove, '"removeMemberArrayPath" needs "addMemberArrayPath": the two arrays go together.');
  if ((add || remove) && single) {
    report(single, '"memberArrayPath" cannot be combined with "addMemberArrayPath"/"removeMemberArrayPath": use one array or the add/remove pair.');
  }
  if ((add || remove) && inclusion) {
    report(inclusion, '"arrayInclusion" cannot be combined with "addMemberArrayPath"/"removeMemberArrayPath": the pair already says which members are added.');
  }
  if (inclusion && !single) report(inclusion, '"arrayInclusion" needs "memberArrayPath": it decides what happens to the members of that array.');
  if (booleanMembership && !single) {
    report(booleanMembership, '"booleanMembershipPath" needs "memberArrayPath": it is read in each item of that array.');
  }
  if (!add && !remove && !single) {
    report(requestParserKey, 'The request parser names no member array: add "memberArrayPath", or "addMemberArrayPath" and "removeMemberArrayPath".');
  }
  return diagnostics;
}
