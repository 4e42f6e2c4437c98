// The requests of the editor's request commands (protocol.ts), answered from the current snapshot of
// an open manifest. Every answer says `ok` or why not: a missing or unknown document, bad parameters
// and internal failures become a message in the result (and a log line), never a raw error.
import type { Connection } from 'vscode-languageserver';
import type { ManifestDocument } from '../engine/manifestDocument';
import {
  JudgeResponseRequest,
  PrepareRequestRequest,
  RequestPlanRequest,
  RequestVariablesRequest,
  StoreConfigRequest,
  StorePlanRequest,
  TemplatePreviewRequest,
  type RequestKind,
} from '../protocol';
import { storeConfig, storePlan } from '../launchdarkly/editorRequests';
import { previewMarkdown } from '../engine/preview/previewFormats';
import type { TemplatePreview } from '../engine/preview/templatePreviews';
import { baseName } from '../engine/uris';
import { PreparedRequests, declaredVariables, requestPlan } from '../request/editorRequests';

const NOT_OPEN = 'the manifest is not open in the language server (open it as a LaunchDarkly Integration Manifest)';

export function registerRequestHandlers(
  connection: Connection,
  snapshotOf: (uri: string) => ManifestDocument | undefined,
  previewsOf: (doc: ManifestDocument, template: string | undefined) => TemplatePreview[],
): void {
  const prepared = new PreparedRequests();

  /** Runs `answer`; a throw is logged and becomes the failure `fail` makes of its message. */
  const guarded = <R>(what: string, fail: (message: string) => R, answer: () => R): R => {
    try {
      return answer();
    } catch (error) {
      connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fail(`the language server could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** The open document a request names, or why there is none. */
  const documentOf = (params: unknown): ManifestDocument | string => {
    const uri = (params as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string') return 'the request names no manifest (`uri` is missing)';
    return snapshotOf(uri) ?? NOT_OPEN;
  };

  connection.onRequest(RequestPlanRequest, (params) => {
    const fail = (problem: string) => ({ ok: false as const, problem });
    return guarded('plan the request', fail, () => {
      const doc = documentOf(params);
      if (typeof doc === 'string') return fail(doc);
      const kind = kindOf(params);
      return kind ? requestPlan(doc, kind) : fail(BAD_KIND);
    });
  });

  connection.onRequest(TemplatePreviewRequest, (params) => {
    const fail = (problem: string) => ({ ok: false as const, problem });
    return guarded('render the templates', fail, () => {
      const doc = documentOf(params);
      if (typeof doc === 'string') return fail(doc);
      const template = typeof params.template === 'string' ? params.template : undefined;
      const previews = previewsOf(doc, template);
      return { ok: true as const, markdown: previewMarkdown(previews, baseName(doc.uri)), count: previews.length };
    });
  });

  connection.onRequest(RequestVariablesRequest, (params) => {
    const fail = (problem: string) => ({ ok: false as const, problem });
    return guarded('read the form variables', fail, () => {
      const doc = documentOf(params);
      return typeof doc === 'string' ? fail(doc) : declaredVariables(doc);
    });
  });

  connection.onRequest(StorePlanRequest, (params) => {
    const fail = (problem: string) => ({ ok: false as const, problem });
    return guarded('read the store capability', fail, () => {
      const doc = documentOf(params);
      return typeof doc === 'string' ? fail(doc) : storePlan(doc);
    });
  });

  connection.onRequest(StoreConfigRequest, (params) => {
    const fail = (problem: string) => ({ ok: false as const, problems: [problem] });
    return guarded('check the config values', fail, () => {
      const doc = documentOf(params);
      return typeof doc === 'string' ? fail(doc) : storeConfig(doc, params);
    });
  });

  connection.onRequest(PrepareRequestRequest, (params) => {
    const fail = (stage: 'manifest' | 'values' | 'internal', problem: string) => ({ ok: false as const, stage, problems: [problem] });
    return guarded('render the request', (message) => fail('internal', message), () => {
      const doc = documentOf(params);
      if (typeof doc === 'string') return fail('manifest', doc);
      const kind = kindOf(params);
      if (!kind) return fail('manifest', BAD_KIND);
      const values = params.values as unknown;
      if (values === null || typeof values !== 'object' || Object.values(values).some((v) => typeof v !== 'string')) {
        return fail('values', '`values` must map variable keys to text');
      }
      return prepared.prepare(doc, { kind, values: params.values, secretsNotNeeded: params.secretsNotNeeded === true });
    });
  });

  connection.onRequest(JudgeResponseRequest, (params) => {
    const fail = (problem: string) => ({ ok: false as const, problem });
    return guarded('judge the response', fail, () => {
      if (typeof params?.id !== 'string') return fail('the request names no prepared request (`id` is missing)');
      return prepared.judge({ id: params.id, label: typeof params.label === 'string' ? params.label : 'manifest', outcome: params.outcome });
    });
  });
}

const BAD_KIND = "`kind` must be 'validation' or 'featureStore'";

function kindOf(params: unknown): RequestKind | undefined {
  const kind = (params as { kind?: unknown } | null)?.kind;
  return kind === 'validation' || kind === 'featureStore' ? kind : undefined;
}
