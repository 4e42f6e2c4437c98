// The extension's own protocol between the VS Code client and the language server, declared once and
// imported by both sides: command ids the server's code lenses name, the schema status notification,
// and the requests the request commands make. Types only and constants: nothing here parses a manifest,
// so the client bundle stays free of the parser, Handlebars and ajv.
//
// The request commands split the work: the server knows what the manifest means (which variables a
// request uses, rendering, masking, the parser's pointers, the report); the client asks for values,
// keeps them, and sends the HTTP request itself (server/src/request/send.ts), because the language
// server never reaches the network. One test run is three requests:
//   requestPlan    → which values to ask for, or why the request cannot be tested;
//   prepareRequest → the rendered request (kept by the server under an id), its masked form, curl;
//   judgeResponse  → the verdict and report for what the client received, secrets masked.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
// Types only, erased from the bundles: the client carries no engine code.
import type { RequestKind } from './engine/storeRequests';
import type { NetworkErrorKind, Redirect } from './request/sendTypes';
import type { StoreKind } from './launchdarkly/routes';
import type { StoreVariable } from './launchdarkly/storeCapability';

export const LANGUAGE_ID = 'launchdarkly-manifest';

/** Command ids, as contributed in package.json; the server's code lenses name the request ones. */
export const COMMANDS = {
  testValidation: 'ldManifest.request.testValidation',
  testFeatureStore: 'ldManifest.request.testFeatureStore',
  preview: 'ldManifest.request.preview',
  copyCurl: 'ldManifest.request.copyCurl',
  forgetValues: 'ldManifest.request.forgetValues',
  previewTemplates: 'ldManifest.previewTemplates',
} as const;

export type { RequestKind };

/**
 * Optional argument of every request command (code lenses pass `uri` and `kind`). `values` is the
 * test injection point: when given, nothing is asked and nothing is remembered; `confirmWrite`
 * answers the feature store request's modal confirmation.
 */
export interface RequestCommandArgs {
  readonly uri?: string;
  readonly kind?: RequestKind;
  readonly values?: Readonly<Record<string, string>>;
  readonly confirmWrite?: boolean;
}

/** Which schema checks a manifest: sent after each check, shown by the language status item. */
export interface SchemaStatusParams {
  readonly uri: string;
  readonly origin: 'bundled' | 'workspace' | 'file';
  /** The schema file's URI when it is not the bundled one. */
  readonly schemaUri?: string;
  readonly fallbackReason?: string;
}

export const SchemaStatusNotification = new NotificationType<SchemaStatusParams>('ldManifest/schemaStatus');

/**
 * Files, for a server that cannot read them itself: in a browser the server is a web worker and the
 * workspace lives behind vscode.workspace.fs (github.dev's virtual file system, vscode.dev's local
 * folder). The server asks the client, which answers with the same bounds the Node host keeps
 * (regular files inside the workspace, size-limited, never under `.git`). The server announces that
 * it will ask through `initializationOptions.readsThroughClient`.
 */
export interface WorkspaceFileParams {
  readonly uri: string;
}
/** The same cases as the engine's FileRead. */
export type WorkspaceFileResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'outside' }
  | { readonly kind: 'unreadable'; readonly reason: string };
export const ReadWorkspaceFileRequest = new RequestType<WorkspaceFileParams, WorkspaceFileResult, void>('ldManifest/readWorkspaceFile');
/** A folder's entries, names only; `listed: false` when it cannot be listed (missing, outside, not a folder). */
export type WorkspaceFolderResult = { readonly listed: true; readonly folders: readonly string[]; readonly files: readonly string[] } | { readonly listed: false };
export const ListWorkspaceFolderRequest = new RequestType<WorkspaceFileParams, WorkspaceFolderResult, void>('ldManifest/listWorkspaceFolder');

// ---------------------------------------------------------------------------------------------------
// The request commands. Every result says `ok`; a failure carries a message to show, never a raw error
// (a manifest that is not open in the server, a request the manifest lacks, an internal failure).

/**
 * The value that stands for LaunchDarkly's per-environment store key; the client supplies one. A copy of
 * the engine's constant (templates/scopes.ts), because the client bundle must not load engine code.
 */
export const FEATURE_STORE_KEY = '_featureStoreKey';

/** A featureStore form variable as a prompt needs it. */
export interface RequestVariableInfo {
  readonly key: string;
  /** The manifest's `name`, else the key. */
  readonly name: string;
  /** The manifest's `type`, else `string`. */
  readonly type: string;
  readonly description?: string;
  readonly placeholder?: string;
  readonly isSecret: boolean;
  readonly isOptional: boolean;
  readonly defaultValue?: string | number | boolean;
  readonly allowedValues?: readonly string[];
  /** The answers to pick from (the allowed values, or true/false for a boolean); absent: typed text. */
  readonly choices?: readonly string[];
}

export interface RequestPlanParams {
  /** An open manifest (the server answers from its current text, unsaved edits included). */
  readonly uri: string;
  readonly kind: RequestKind;
}

export type RequestPlanResult =
  | {
      readonly ok: true;
      /** `capabilities.featureStore.validationRequest`, for messages. */
      readonly path: string;
      /** The form variables the request's templates use, in manifest order: what to ask for. */
      readonly variables: readonly RequestVariableInfo[];
      readonly usesFeatureStoreKey: boolean;
      readonly usesEnvId: boolean;
      /** Template errors inside the request (`line:column message`): when any, it is not sent. */
      readonly templateErrors: readonly string[];
    }
  | { readonly ok: false; readonly problem: string };

/** What a request command must ask for before the request can be rendered, or why it cannot be tested. */
export const RequestPlanRequest = new RequestType<RequestPlanParams, RequestPlanResult, void>('ldManifest/requestPlan');

export interface RequestVariablesParams {
  readonly uri: string;
}

export type RequestVariablesResult = { readonly ok: true; readonly variables: readonly RequestVariableInfo[] } | { readonly ok: false; readonly problem: string };

/** Every form variable the featureStore capability declares: what "Forget Request Values" clears. */
export const RequestVariablesRequest = new RequestType<RequestVariablesParams, RequestVariablesResult, void>('ldManifest/requestVariables');

export interface PrepareRequestParams {
  readonly uri: string;
  readonly kind: RequestKind;
  /** Text values by variable key, and `_featureStoreKey` / `envId`; defaults fill what is missing. */
  readonly values: Readonly<Record<string, string>>;
  /** Preview and curl: missing secrets are fine (they show as •••• and shell variables); no id, nothing to send. */
  readonly secretsNotNeeded: boolean;
}

export interface HttpRequestData {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly body?: string;
}

export type PrepareStage = 'manifest' | 'values' | 'render' | 'internal';

export type PrepareRequestResult =
  | {
      readonly ok: true;
      readonly path: string;
      /** The request as shown and logged: every secret, and every value derived from one, masked. */
      readonly display: HttpRequestData;
      /** `display` as text: the request line, the headers, a blank line and the body. */
      readonly displayText: string;
      /** One curl command that reads the secrets from shell variables, with comment lines naming them. */
      readonly curl: string;
      /** When secrets were needed: the id judgeResponse takes (the server keeps the last few prepared requests). */
      readonly id?: string;
      /** When secrets were needed: the request to send, real values included. */
      readonly request?: HttpRequestData;
    }
  | { readonly ok: false; readonly stage: PrepareStage; readonly problems: readonly string[] };

/** Renders the request with the given values. */
export const PrepareRequestRequest = new RequestType<PrepareRequestParams, PrepareRequestResult, void>('ldManifest/prepareRequest');

/** What the client received, as Node's http client gave it (server/src/request/send.ts), made JSON. */
export interface ResponseData {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  /** Names lower-cased, repeated headers kept. */
  readonly headers: readonly (readonly [string, string])[];
  /** The body's bytes as read (at most the size limit), base64: exact, whatever the encoding. */
  readonly bodyBase64: string;
  /** The body was longer than the limit and was cut there. */
  readonly truncated: boolean;
  readonly redirects: readonly Redirect[];
  readonly elapsedMs: number;
}

export type OutcomeData =
  | { readonly kind: 'response'; readonly response: ResponseData }
  | { readonly kind: 'network-error'; readonly error: NetworkErrorKind; readonly message: string; readonly elapsedMs: number };

export interface JudgeResponseParams {
  /** From prepareRequest. */
  readonly id: string;
  /** How the report names the manifest (a workspace-relative path). */
  readonly label: string;
  readonly outcome: OutcomeData;
}

export type VerdictKind = 'success' | 'failure' | 'http-error' | 'not-json' | 'body-too-large' | 'pointer-missing' | 'network-error' | 'stored';

export type JudgeResponseResult =
  | {
      readonly ok: true;
      /** `summary` has every secret value masked, like the report. */
      readonly verdict: { readonly kind: VerdictKind; readonly summary: string; readonly passed: boolean };
      /** The request as sent, the answer, the parser's values and the verdict, secrets masked. */
      readonly report: string;
      /** A validation answer with a JSON body: the sample response to save beside the manifest, secrets masked. */
      readonly sample?: { readonly path: string; readonly text: string };
    }
  | { readonly ok: false; readonly problem: string };

/** Judges what the prepared request `id` got, the way LaunchDarkly reads it. */
export const JudgeResponseRequest = new RequestType<JudgeResponseParams, JudgeResponseResult, void>('ldManifest/judgeResponse');

// ---------------------------------------------------------------------------------------------------
// LaunchDarkly store configurations (server/src/launchdarkly/). The client signs in, talks to
// LaunchDarkly's API itself and keeps the token; the server says what the manifest's store capability
// is and checks config values against its form variables, so the client never parses a manifest.

/** Command ids, as contributed in package.json; the server's store code lenses name two of them. */
export const LAUNCHDARKLY_COMMANDS = {
  signIn: 'ldManifest.launchDarkly.signIn',
  signOut: 'ldManifest.launchDarkly.signOut',
  refresh: 'ldManifest.launchDarkly.refresh',
  create: 'ldManifest.launchDarkly.create',
  validate: 'ldManifest.launchDarkly.validate',
  toggle: 'ldManifest.launchDarkly.toggle',
  rename: 'ldManifest.launchDarkly.rename',
  editValues: 'ldManifest.launchDarkly.editValues',
  delete: 'ldManifest.launchDarkly.delete',
  open: 'ldManifest.launchDarkly.open',
  copyCurl: 'ldManifest.launchDarkly.copyCurl',
} as const;

/** The store configurations view's id, as contributed in package.json. */
export const STORE_VIEW_ID = 'ldManifest.storeConfigurations';

export interface StorePlanParams {
  readonly uri: string;
}

export type StorePlanResult =
  | {
      readonly ok: true;
      readonly kind: StoreKind;
      /** The manifest's folder name. */
      readonly integrationKey: string;
      /** The form variables that make the config, in manifest order. */
      readonly variables: readonly StoreVariable[];
    }
  | { readonly ok: false; readonly problem: string };

/** The manifest's store capability: its kind, integration key and config variables. */
export const StorePlanRequest = new RequestType<StorePlanParams, StorePlanResult, void>('ldManifest/storePlan');

export interface StoreConfigParams {
  readonly uri: string;
  /** Values by variable key: text from prompts (lists for multiselects). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly mode: 'create' | 'update';
  /** The saved config, for an update: what `dependsOn` is decided against. */
  readonly current?: Readonly<Record<string, unknown>>;
}

export type StoreConfigResult = { readonly ok: true; readonly config: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly problems: readonly string[] };

/** Checks config values against the manifest's form variables; the config to send, or every problem. */
export const StoreConfigRequest = new RequestType<StoreConfigParams, StoreConfigResult, void>('ldManifest/storeConfig');

/** Optional argument of the preview command (its code lenses pass `uri`, and `template` for one body). */
export interface TemplatePreviewParams {
  readonly uri: string;
  /** Only this template or body, by the name `ld-manifest render --template` takes. */
  readonly template?: string;
}

export type TemplatePreviewResult = { readonly ok: true; readonly markdown: string; readonly count: number } | { readonly ok: false; readonly problem: string };

/** What each template and JSON body of the manifest renders for a sample, as Markdown (secrets masked). */
export const TemplatePreviewRequest = new RequestType<TemplatePreviewParams, TemplatePreviewResult, void>('ldManifest/templatePreview');

// ---------------------------------------------------------------------------------------------------
// Preview Integration: the integration as LaunchDarkly's users see it (the card, the forms, the
// renderings, the problems on them), rendered by the server from the current text; the client shows it
// in a webview and never parses the manifest.

/** The command, its editor-title button and its code lens (as contributed in package.json). */
export const PREVIEW_INTEGRATION_COMMAND = 'ldManifest.previewIntegration';

export interface IntegrationPreviewParams {
  /** An open manifest (the server answers from its current text, unsaved edits included). */
  readonly uri: string;
  /** What to answer: the whole page (the first time), the content of its `<main>` (updates), or Markdown (copy). */
  readonly format: 'page' | 'body' | 'markdown';
  /** The sample event audit-log templates render for; absent: each template's own kind. */
  readonly event?: string;
  /** The author's toggled values, by form id (`formVariables`, `capabilities.featureStore.formVariables`…) and key. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** For `page`: the webview's nonce (admits the style sheet and the script), its `cspSource`, and the script. */
  readonly page?: { readonly nonce: string; readonly cspSource: string; readonly script: string };
}

export type IntegrationPreviewResult =
  | {
      readonly ok: true;
      /** The document version the preview was made from. */
      readonly version: number;
      /** The integration's name, else the manifest's. */
      readonly title: string;
      /** The page, the body or the Markdown asked for. */
      readonly text: string;
    }
  | { readonly ok: false; readonly problem: string };

export const IntegrationPreviewRequest = new RequestType<IntegrationPreviewParams, IntegrationPreviewResult, void>('ldManifest/integrationPreview');
