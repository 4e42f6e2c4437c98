// What LaunchDarkly's users see of an integration, as data: the card on the integrations page, the
// configuration forms, and what each template renders for a sample. Every element says where it is
// declared in the manifest (to jump there) and carries the problems whose range falls inside it. Plain
// JSON: the language server sends it to the editor's webview, the CLI renders it to Markdown or HTML.
import type { Range } from 'vscode-languageserver-types';
import type { DependsOn } from '../dependsOn';
import type { SeverityName } from '../diagnostics/severityName';

export type ProblemSeverity = SeverityName;

export interface PreviewProblem {
  readonly code?: string;
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly range: Range;
}

/** Where an element is declared: its JSON path and range in the manifest, and the problems inside that range. */
export interface Location {
  readonly path: readonly (string | number)[];
  readonly range: Range;
  readonly problems: readonly PreviewProblem[];
}

/** Markdown as LaunchDarkly renders it in descriptions: text, and links (http, https and mailto only). */
export type TextPart = { readonly text: string } | { readonly text: string; readonly href: string };

export interface LocatedText {
  readonly text: string;
  readonly at: Location;
}

export interface CardLink {
  /** `site`, `privacyPolicy`, `launchdarklyDocs`, `supportWebsite`… */
  readonly name: string;
  readonly url: string;
  /** Set when the URL is one a page may link to (http or https). */
  readonly safe: boolean;
  readonly at: Location;
}

export interface CardIcon {
  readonly which: 'square' | 'horizontal' | string;
  readonly file: string;
  /** The sanitised SVG as a `data:image/svg+xml;base64,…` URI, for an `<img>`; absent when it cannot be shown. */
  readonly dataUri?: string;
  /** Why it is not shown (missing, not SVG, too large, unsaved manifest). */
  readonly unavailable?: string;
  /** What the sanitiser removed ("a <script> element", "the onload attribute"…), at most a few. */
  readonly removed: readonly string[];
  readonly at: Location;
}

export interface CardModel {
  readonly name?: LocatedText;
  readonly version?: LocatedText;
  readonly author?: LocatedText;
  readonly supportEmail?: LocatedText;
  readonly overview?: LocatedText;
  readonly description?: { readonly parts: readonly TextPart[]; readonly at: Location };
  readonly details?: { readonly parts: readonly TextPart[]; readonly at: Location };
  readonly categories: readonly LocatedText[];
  readonly links: readonly CardLink[];
  readonly icons: readonly CardIcon[];
  /** The capabilities and `otherCapabilities` the integration declares. */
  readonly capabilities: readonly LocatedText[];
  readonly requiresOAuth: boolean;
  readonly hiddenOnIntegrationsPage: boolean;
}

/** How a field is drawn, from its `type`. */
export type FieldControl = 'text' | 'secret' | 'url' | 'checkbox' | 'select' | 'dynamicSelect' | 'multiselect' | 'environment' | 'generated' | 'oauth' | 'publicKey' | 'unknown';

export interface DependsOnView extends DependsOn {
  /** Whether all its conditions hold for the current values. */
  readonly holds: boolean;
  /** "shows it only when 'useProxy' is equalTo 'true'". */
  readonly description: string;
}

export interface FieldModel {
  readonly key: string;
  readonly name: string;
  /** As written; `string` when absent. */
  readonly type: string;
  readonly control: FieldControl;
  readonly description: readonly TextPart[];
  readonly placeholder?: string;
  /** The default as text (a multiselect's default options joined); a secret's is masked. */
  readonly defaultText?: string;
  readonly required: boolean;
  readonly isSecret: boolean;
  readonly isHidden: boolean;
  readonly disableAfterSaving: boolean;
  readonly hideEmpty: boolean;
  /** enum: `allowedValues`; multiselect: the options. */
  readonly options: readonly { readonly label: string; readonly value: string }[];
  /** dynamicEnum: the endpoint its options are loaded from, as written. */
  readonly optionsFrom?: string;
  /** The value the form holds now: the author's toggled value, else the default (a secret's masked). */
  readonly value: string | boolean | readonly string[];
  readonly dependsOn: readonly DependsOnView[];
  /** Whether the form shows the field for the current values (`isHidden` and `dependsOn` applied). */
  readonly shown: boolean;
  /** Why it is not shown, when it is not. */
  readonly hiddenBecause?: string;
  readonly at: Location;
}

export interface FormModel {
  /** The list's path joined with dots: `formVariables`, `capabilities.featureStore.formVariables`. */
  readonly id: string;
  readonly title: string;
  /** Where LaunchDarkly shows the form. */
  readonly explanation: string;
  readonly fields: readonly FieldModel[];
  /** Fields beyond the preview's bound that are not shown. */
  readonly omitted: number;
  readonly at: Location;
}

export interface RenderingModel {
  /** `flag`, `approval.creationRequest.jsonBody`…, as `ld-manifest render --template` names it. */
  readonly name: string;
  readonly capability: string;
  /** The template file, or the manifest path of an inline body. */
  readonly source: string;
  /** The sample event it was rendered for (audit-log templates). */
  readonly event?: string;
  readonly json: boolean;
  /** The rendering (secrets masked, JSON pretty-printed, cut at a bound); absent when it did not render. */
  readonly output?: string;
  readonly outputCut: boolean;
  /** What keeps the rendering from being right. */
  readonly renderProblems: readonly string[];
  readonly at: Location;
}

export interface RenderingGroup {
  readonly capability: string;
  /** The sample events the author can pick for this capability's templates; empty when there is one sample. */
  readonly sampleEvents: readonly string[];
  /** The event picked, or undefined: each template its own kind's. */
  readonly event?: string;
  readonly renderings: readonly RenderingModel[];
}

export interface IntegrationPreview {
  /** How the manifest is named: `integrations/acme/manifest.json`, or its base name. */
  readonly manifest: string;
  /** The manifest's text version the preview was made from. */
  readonly version: number;
  /** The manifest could not be read as an object (empty, broken beyond repair, too deep). */
  readonly unreadable?: string;
  readonly card: CardModel;
  readonly forms: readonly FormModel[];
  readonly renderings: readonly RenderingGroup[];
  /** Renderings beyond the preview's bound that are not shown. */
  readonly omittedRenderings: number;
  /** Problems inside no element of the preview. */
  readonly otherProblems: readonly PreviewProblem[];
  /** Every problem's count by severity, attached or not. */
  readonly problemCounts: Readonly<Record<ProblemSeverity, number>>;
}

/** The author's toggled values: form id → variable key → value. */
export type FormValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface IntegrationPreviewOptions {
  /** The sample event audit-log templates render for, instead of each one's own kind. */
  readonly event?: string;
  readonly values?: FormValues;
  /** How the manifest is named in the preview (default: its base name). */
  readonly label?: string;
}
