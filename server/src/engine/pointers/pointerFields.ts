// Every manifest field that holds a JSON pointer, with what the pointer points into: the parser whose
// sample response applies and, for pointers relative to each item of an array, that array's pointer.
import type { JSONPath, Node } from 'jsonc-parser';
import { memo, type ManifestDocument } from '../manifestDocument';
import { formVariableScopes } from '../rules/formVariableScopes';
import { stringAt, stringOf, valueAt, valueOf } from '../jsonTree';

export type PointerRole = 'success' | 'errors' | 'other';

export interface PointerField {
  /** The string node holding the pointer. */
  readonly node: Node;
  readonly path: JSONPath;
  /** The parser object's path. */
  readonly parserPath: JSONPath;
  /** The sample response file is `sample-responses/<sampleName>.json` beside the manifest. */
  readonly sampleName: string;
  readonly role: PointerRole;
  /**
   * For a pointer evaluated against each item of an array (member and option items), the absolute
   * pointers of those arrays; empty when the manifest names none yet.
   */
  readonly relativeTo?: readonly string[];
}

const APPROVAL_REQUESTS = ['creationRequest', 'statusRequest', 'postApplyRequest', 'deletionRequest'];
const APPROVAL_POINTERS = ['approvalId', 'statusValue', 'statusDisplay'];
const TRIGGER_POINTERS = ['eventName', 'value', 'url'];
const SEGMENT_POINTERS = [
  'environmentIdPath',
  'contextKindPath',
  'cohortIdPath',
  'cohortNamePath',
  'cohortUrlPath',
  'memberArrayPath',
  'addMemberArrayPath',
  'removeMemberArrayPath',
];
const SEGMENT_MEMBER_POINTERS = ['memberIdPath', 'booleanMembershipPath', 'cohortNamePath', 'cohortIdPath'];
const SEGMENT_ARRAYS = ['memberArrayPath', 'addMemberArrayPath', 'removeMemberArrayPath'];

/** Every pointer field of the snapshot, found once (a part of its analysis). */
export function pointerFields(doc: ManifestDocument): readonly PointerField[] {
  return memo(doc, 'pointerFields', () => findPointerFields(doc));
}

function findPointerFields(doc: ManifestDocument): PointerField[] {
  const fields: PointerField[] = [];
  const capabilities = valueOf(doc.root, 'capabilities');
  const collect = (
    parser: Node | undefined,
    parserPath: JSONPath,
    sampleName: string,
    keys: readonly string[],
    options: { within?: string; relativeTo?: readonly string[]; role?: (key: string) => PointerRole } = {},
  ) => {
    const holder = options.within ? valueOf(parser, options.within) : parser;
    for (const key of keys) {
      const node = valueOf(holder, key);
      if (node?.type !== 'string') continue;
      const path = [...parserPath, ...(options.within ? [options.within] : []), key];
      fields.push({ node, path, parserPath, sampleName, role: options.role?.(key) ?? 'other', relativeTo: options.relativeTo });
    }
  };

  const storeParserPath = ['capabilities', 'featureStore', 'validationRequest', 'parser'];
  collect(valueAt(capabilities, 'featureStore', 'validationRequest', 'parser'), storeParserPath, 'validationRequest', ['success', 'errors'], {
    role: (key) => (key === 'success' ? 'success' : 'errors'),
  });

  collect(valueAt(capabilities, 'trigger', 'parser'), ['capabilities', 'trigger', 'parser'], 'trigger', TRIGGER_POINTERS);

  for (const request of APPROVAL_REQUESTS) {
    collect(valueAt(capabilities, 'approval', request, 'parser'), ['capabilities', 'approval', request, 'parser'], request, APPROVAL_POINTERS);
  }
  const memberList = valueAt(capabilities, 'approval', 'memberListRequest', 'parser');
  const memberListPath = ['capabilities', 'approval', 'memberListRequest', 'parser'];
  collect(memberList, memberListPath, 'memberListRequest', ['memberArrayPath']);
  collect(memberList, memberListPath, 'memberListRequest', ['email', 'memberId'], {
    within: 'memberItems',
    relativeTo: present([stringAt(memberList, 'memberArrayPath')]),
  });

  // A synced segment's "sample response" is the request body the partner sends to LaunchDarkly.
  const segment = valueAt(capabilities, 'syncedSegment', 'requestParser');
  const segmentPath = ['capabilities', 'syncedSegment', 'requestParser'];
  collect(segment, segmentPath, 'syncedSegment', SEGMENT_POINTERS);
  collect(segment, segmentPath, 'syncedSegment', ['path'], { within: 'arrayInclusion' });
  collect(segment, segmentPath, 'syncedSegment', SEGMENT_MEMBER_POINTERS, {
    within: 'memberArrayParser',
    relativeTo: present(SEGMENT_ARRAYS.map((key) => stringAt(segment, key))),
  });

  for (const scope of formVariableScopes(doc.root)) {
    scope.variables.forEach((variable) => {
      const parser = valueAt(variable, 'dynamicOptions', 'parser');
      if (!parser) return;
      const index = scope.array.children?.indexOf(variable) ?? -1;
      const parserPath = [...scope.path, index, 'dynamicOptions', 'parser'];
      const sampleName = `dynamicOptions.${stringOf(valueOf(variable, 'key')) ?? index}`;
      collect(parser, parserPath, sampleName, ['optionsPath']);
      collect(parser, parserPath, sampleName, ['label', 'value'], {
        within: 'optionsItems',
        relativeTo: present([stringAt(parser, 'optionsPath')]),
      });
    });
  }
  return fields;
}

function present(values: readonly (string | undefined)[]): string[] {
  return values.filter((v): v is string => v !== undefined);
}

/** The pointer field whose string contains `offset` (between its quotes, or on them). */
export function pointerFieldAt(doc: ManifestDocument, offset: number): PointerField | undefined {
  return pointerFields(doc).find((f) => offset > f.node.offset && offset < f.node.offset + f.node.length + (isClosed(doc, f.node) ? 0 : 1));
}

function isClosed(doc: ManifestDocument, node: Node): boolean {
  return node.length > 1 && doc.text.getText().charAt(node.offset + node.length - 1) === '"';
}
