// One lint run: every manifest read (before anything is printed, so unreadable input stops the run
// without half a report), linted with the editor's engine over the Node host, uncapped, and each
// problem kept with what the report formats need beyond the diagnostic: the quick fixes the engine
// offers (SARIF's `fixes`, `--fix`) and the reason the configuration ignores it.
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../engine/languageService';
import type { ManifestDocument } from '../engine/manifestDocument';
import { createNodeHost, repositoryRootOf } from '../node/nodeHost';
import type { ManifestPath } from './findManifests';
import type { LinterConfig } from './linterConfig';
import { quickFixesFor, type QuickFix } from './quickFixes';
import { readManifestText } from './readManifestText';
import { compareProblems, toReportedProblem, type ReportedProblem } from './report';
import type { SchemaChoice } from './schemaOption';

export interface LintedProblem extends ReportedProblem {
  /** Set when `.ld-manifest.json` ignores the problem: the reason it gives. */
  readonly ignoredBecause?: string;
  readonly fixes: readonly QuickFix[];
}

export interface LintedManifest extends ManifestPath {
  readonly uri: string;
  readonly doc: ManifestDocument;
  /** Every problem, ignored ones included, in order of position. */
  readonly problems: readonly LintedProblem[];
}

export interface LintSettings {
  readonly schema: SchemaChoice;
  readonly config: LinterConfig;
  /** Whether to ask the engine for quick fixes (SARIF and --fix need them; text does not). */
  readonly withFixes: boolean;
}

/** One engine for a run: --fix lints a manifest again after each pass, --changed asks what each read. */
export interface Linter {
  readonly service: LanguageService;
  /** Lints the manifest's text (read from disk unless given). */
  lint(path: ManifestPath, text?: string): LintedManifest;
}

export function createLinter(settings: LintSettings): Linter {
  const host = createNodeHost();
  const service = new LanguageService(host, settings.schema.fixed);
  const lint = (path: ManifestPath, text = readManifestText(path.absolute, path.shown)): LintedManifest => {
    // Each manifest reads beside itself, within its repository (or the folders around it).
    host.allowRoot(repositoryRootOf(path.absolute));
    const uri = pathToFileURL(path.absolute).href;
    const doc = service.snapshot(uri, text);
    const diagnostics = service.diagnostics(doc, { schema: settings.schema.setting, severity: settings.config.severity, maxDiagnostics: Infinity });
    const problems = diagnostics.map((diagnostic) => {
      const reported = toReportedProblem(path.shown, diagnostic);
      const ignoredBecause = settings.config.ignored(path.absolute, reported.code);
      const fixes = settings.withFixes ? quickFixesFor(service, doc, diagnostic) : [];
      return ignoredBecause === undefined ? { ...reported, fixes } : { ...reported, ignoredBecause, fixes };
    });
    return { ...path, uri, doc, problems: problems.sort(compareProblems) };
  };
  return { service, lint };
}

export function lintAll(linter: Linter, paths: readonly ManifestPath[]): LintedManifest[] {
  const texts = paths.map((path) => readManifestText(path.absolute, path.shown));
  return paths.map((path, index) => linter.lint(path, texts[index]));
}
