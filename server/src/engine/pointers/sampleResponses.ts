// Sample responses attached to parsers, so that pointers can be checked, completed and previewed
// against real data.
//
// Naming convention: beside the manifest, `sample-responses/<name>.json`, where <name> is
//   - the request that owns the parser: `validationRequest` (featureStore), `creationRequest`,
//     `statusRequest`, `postApplyRequest`, `deletionRequest`, `memberListRequest` (approval);
//   - `trigger` for the trigger parser (the body the alerting tool posts);
//   - `syncedSegment` for the synced segment request parser (the body the partner posts);
//   - `dynamicOptions.<form variable key>` for a form variable's dynamic options.
// The editor's Test Validation Request command saves the last answer it got under that name.
import { parseStrictJson } from '../jsonSyntaxError';
import type { RuleEnvironment } from '../rules/environment';
import { besideManifest, whyNotRead } from '../rules/environment';
import { selectPointer } from './jsonPointer';
import type { PointerField } from './pointerFields';

export const SAMPLE_RESPONSES_FOLDER = 'sample-responses';

export function sampleResponseFile(sampleName: string): string {
  return `${SAMPLE_RESPONSES_FOLDER}/${sampleName}.json`;
}

export type SampleLookup =
  | { readonly kind: 'sample'; readonly value: unknown; readonly origin: string }
  | { readonly kind: 'unreadable'; readonly file: string; readonly reason: string }
  | { readonly kind: 'none' };

export function sampleFor(field: Pick<PointerField, 'sampleName'>, env: RuleEnvironment): SampleLookup {
  const relative = sampleResponseFile(field.sampleName);
  const file = besideManifest(env, relative);
  const read = file === undefined ? undefined : env.read(file);
  if (read === undefined || read.kind === 'missing') return { kind: 'none' };
  if (read.kind !== 'text') return { kind: 'unreadable', file: relative, reason: whyNotRead(read).replace(/^cannot be read: /, '') };
  const parsed = parseStrictJson(read.text);
  return parsed.ok ? { kind: 'sample', value: parsed.value, origin: relative } : { kind: 'unreadable', file: relative, reason: `it is not JSON: ${parsed.reason}` };
}

/**
 * The JSON values a pointer of `field` is evaluated against: the sample itself, or for a relative
 * pointer every item of the arrays it is relative to. Undefined when that cannot be known (no array
 * pointer yet, or the arrays are not in the sample): then nothing should be claimed about the pointer.
 */
export function evaluationTargets(field: Pick<PointerField, 'relativeTo'>, sample: unknown): unknown[] | undefined {
  if (!field.relativeTo) return [sample];
  const items = field.relativeTo.flatMap((base) => {
    const selection = selectPointer(sample, base);
    return selection.found && Array.isArray(selection.value) ? (selection.value as unknown[]) : [];
  });
  return items.length ? items : undefined;
}
