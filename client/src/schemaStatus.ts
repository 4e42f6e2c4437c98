// The language status item that says which schema checks the manifest in the active editor.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './manifestDetection';

/** What the server reports after it checks a manifest (notification `ldManifest/schemaStatus`). */
export interface SchemaStatus {
  uri: string;
  origin: 'bundled' | 'workspace' | 'file';
  path?: string;
  fallbackReason?: string;
}

export const SCHEMA_STATUS_NOTIFICATION = 'ldManifest/schemaStatus';

export class SchemaStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('ldManifest.schema', { language: LANGUAGE_ID });
  private readonly byUri = new Map<string, SchemaStatus>();

  constructor() {
    this.item.name = 'Manifest schema';
    this.item.text = 'Schema: bundled';
    this.item.command = { title: 'Show schema', command: 'ldManifest.showSchemaInUse' };
  }

  update(status: SchemaStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  statusFor(uri: vscode.Uri | undefined): SchemaStatus | undefined {
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
      this.item.detail = status.path ?? 'the schema this extension ships';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
