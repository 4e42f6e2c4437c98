// The request bodies a syncedSegment parser is tried on: every `.json` file of `sample-requests/`
// beside the manifest (and `sample-responses/syncedSegment.json`, the pointer checks' sample), or,
// when there is none, a body made from the parser itself. Each is parsed as LaunchDarkly's validation
// server would (segmentParser.ts).
import { getNodeValue, type Node } from 'jsonc-parser';
import { memo, type ManifestDocument } from '../manifestDocument';
import { keyOf, valueAt } from '../jsonTree';
import { parseStrictJson } from '../jsonSyntaxError';
import { besideManifest, whyNotRead, type RuleEnvironment } from '../rules/environment';
import { sampleResponseFile } from '../pointers/sampleResponses';
import { applySegmentParser, sampleRequestFor, type SegmentParser, type SegmentResult } from './segmentParser';

export const SAMPLE_REQUESTS_FOLDER = 'sample-requests';
/** The most sample files tried: samples are examples, not a data set. */
const MAX_SAMPLES = 20;

export interface SegmentSampleRun {
  /** `sample-requests/add.json`, or undefined for the body made from the parser. */
  readonly file?: string;
  readonly result: SegmentResult;
}

export interface SegmentSamples {
  readonly parserNode: Node;
  /** The `requestParser` key, where problems of the whole parser are reported. */
  readonly keyNode: Node;
  readonly runs: readonly SegmentSampleRun[];
  /** Sample files that are not JSON, with why. */
  readonly unreadable: readonly { readonly file: string; readonly reason: string }[];
}

export function segmentSamples(doc: ManifestDocument, env: RuleEnvironment): SegmentSamples | undefined {
  return memo(doc, 'segmentSamples', () => {
    const parserNode = valueAt(doc.root, 'capabilities', 'syncedSegment', 'requestParser');
    const keyNode = keyOf(valueAt(doc.root, 'capabilities', 'syncedSegment'), 'requestParser');
    if (parserNode?.type !== 'object' || !keyNode) return undefined;
    const parser = segmentParserOf(getNodeValue(parserNode));
    const runs: SegmentSampleRun[] = [];
    const unreadable: { file: string; reason: string }[] = [];
    for (const file of sampleFiles(env)) {
      const uri = besideManifest(env, file);
      const read = uri === undefined ? undefined : env.read(uri);
      if (!read || read.kind === 'missing') continue;
      if (read.kind !== 'text') {
        unreadable.push({ file, reason: whyNotRead(read) });
        continue;
      }
      const parsed = parseStrictJson(read.text);
      if (!parsed.ok) unreadable.push({ file, reason: `is not JSON: ${parsed.reason}` });
      else runs.push({ file, result: applySegmentParser(parser, parsed.value) });
    }
    if (runs.length === 0 && unreadable.length === 0) runs.push({ result: applySegmentParser(parser, sampleRequestFor(parser)) });
    return { parserNode, keyNode, runs, unreadable };
  });
}

/** The parser as the manifest writes it, keeping only string pointers and matcher: any other value is as if absent. */
function segmentParserOf(value: unknown): SegmentParser {
  const record = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const strings = (from: Record<string, unknown>, keys: readonly string[]) =>
    Object.fromEntries(keys.filter((k) => typeof from[k] === 'string').map((k) => [k, from[k] as string]));
  const top = record(value);
  const inclusion = record(top.arrayInclusion);
  return {
    ...strings(top, ['environmentIdPath', 'contextKindPath', 'cohortIdPath', 'cohortNamePath', 'cohortUrlPath', 'memberArrayPath', 'addMemberArrayPath', 'removeMemberArrayPath']),
    ...(top.arrayInclusion === undefined ? {} : { arrayInclusion: strings(inclusion, ['path', 'matcher']) }),
    memberArrayParser: strings(record(top.memberArrayParser), ['memberIdPath', 'booleanMembershipPath', 'cohortIdPath', 'cohortNamePath']),
  };
}

function sampleFiles(env: RuleEnvironment): string[] {
  const folder = besideManifest(env, `${SAMPLE_REQUESTS_FOLDER}/`);
  const listed = folder === undefined ? [] : (env.listFiles?.(folder) ?? []);
  const requests = listed.filter((name) => name.toLowerCase().endsWith('.json')).sort().slice(0, MAX_SAMPLES).map((name) => `${SAMPLE_REQUESTS_FOLDER}/${name}`);
  return [...requests, sampleResponseFile('syncedSegment')];
}
