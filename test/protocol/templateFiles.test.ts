// Template files and the template preview over LSP (stdio, the bundled server): a .hbs file opened as
// Handlebars gets pulled diagnostics in the file, the manifest gets a preview lens, and the preview
// request answers Markdown.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import { TemplatePreviewRequest } from '../../server/src/protocol';
import { bundledServerCommand, startServer, withDeadline, type ServerSession } from '../support/lspClient';
import { repoRoot } from '../support/manifests';

const FIXTURE = join(repoRoot(), 'test/e2e/fixtures/editing/integrations/audit-templates');

describe('template files over LSP', () => {
  let server: ServerSession;
  let workspace: string;
  let manifestUri: string;
  let templateUri: string;
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'ld-template-files-'));
    cpSync(FIXTURE, join(workspace, 'integrations/audit-templates'), { recursive: true });
    const manifestPath = join(workspace, 'integrations/audit-templates/manifest.json');
    const templatePath = join(workspace, 'integrations/audit-templates/templates/flag.json.hbs');
    manifestUri = pathToFileURL(manifestPath).href;
    templateUri = pathToFileURL(templatePath).href;
    server = await startServer(bundledServerCommand(repoRoot()), undefined, () => null, { pull: true, workspaceFolders: [pathToFileURL(workspace).href] });
    await server.open(manifestUri, readFileSync(manifestPath, 'utf8'), 1);
    await server.open(templateUri, readFileSync(templatePath, 'utf8'), 1, 'handlebars');
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the template file gets its own diagnostics, in the file', async () => {
    const report = await server.pullDiagnostics(templateUri);
    assert.equal(report.kind, 'full');
    const items = report.kind === 'full' ? report.items : [];
    assert.deepEqual(items.map((d) => [d.code, d.range.start.line]), [['template-unknown-variable', 1]]);
  });

  test('the manifest has a preview lens, with well-formed ranges and arguments', async () => {
    const lenses = await withDeadline(server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: manifestUri } }), 'code lenses');
    const preview = (lenses ?? []).filter((l) => l.command?.title === 'Preview rendered templates');
    assert.equal(preview.length, 1, JSON.stringify(lenses));
    assert.deepEqual(preview[0]!.command!.arguments, [{ uri: manifestUri }]);
    for (const lens of lenses ?? []) assert.ok(lens.range.start.line >= 0 && lens.command?.title, JSON.stringify(lens));
  });

  test('the preview request answers Markdown with each template and its problem', async () => {
    const answer = await withDeadline(server.connection.sendRequest(TemplatePreviewRequest, { uri: manifestUri }), 'a preview');
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.count, 1);
    assert.match(answer.markdown, /### auditLogEventsHook `flag`/);
    assert.match(answer.markdown, /it does not render in strict mode: "plainTxt" not defined/);
    assert.deepEqual(server.loggedErrors(), []);
  });
});
