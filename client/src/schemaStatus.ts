// The language status item that says which schema checks the manifest in the active editor, from the
// server's `ldManifest/schemaStatus` notification (server/src/protocol.ts).
import * as vscode from 'vscode';
import { LANGUAGE_ID, type SchemaStatusParams } from '../../server/src/protocol';

export class SchemaStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('ldManifest.schema', { language: LANGUAGE_ID });
  private readonly byUri = new Map<string, SchemaStatusParams>();

  constructor() {
    this.item.name = 'Manifest schema';
    this.item.text = 'Schema: bundled';
    this.item.command = { title: 'Show schema', command: 'ldManifest.showSchemaInUse' };
  }

  update(status: SchemaStatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  statusFor(uri: vscode.Uri | undefined): SchemaStatusParams | undefined {
    return uri ? this.byUri.get(uri.toString()) : undefined;
  }

  render(): void {
    const status = this.statusFor(vscode.window.activeTextEditor?.document.uri);
    if (!status) return;
    if (status.fallbackReason) {
      this.item.text = 'Schema: bundled (workspace schema unusable)';
      this.item.detail = status.fallbackReason;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
    } else {
      this.item.text = status.origin === 'bundled' ? 'Schema: bundled' : 'Schema: workspace';
      this.item.detail = status.schemaUri ? shown(vscode.Uri.parse(status.schemaUri)) : 'the schema this extension ships';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** A file as the workspace names it; another scheme's URI as it is. */
function shown(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.toString();
}
