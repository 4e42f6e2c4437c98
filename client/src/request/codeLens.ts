// Lenses above `validationRequest` and `featureStoreRequest` of a featureStore capability.
import * as vscode from 'vscode';
import { nodeAt, parseManifest, propertyKeyNode } from '../../../server/src/manifestDocument';
import { REQUEST_PROPERTY, type RequestKind } from '../../../server/src/request/requestSpec';
import { COMMANDS, type RequestCommandArgs } from './commandIds';

export class RequestCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const doc = parseManifest(document.uri.toString(), document.getText(), document.version);
    const lenses: vscode.CodeLens[] = [];
    for (const kind of ['validation', 'featureStore'] as RequestKind[]) {
      const value = nodeAt(doc, ['capabilities', 'featureStore', REQUEST_PROPERTY[kind]]);
      const key = value && propertyKeyNode(value);
      if (!key) continue;
      const range = new vscode.Range(document.positionAt(key.offset), document.positionAt(key.offset + key.length));
      const args: RequestCommandArgs = { uri: document.uri.toString(), kind };
      const test = kind === 'validation' ? { title: 'Test validation request', command: COMMANDS.testValidation } : { title: 'Test feature store request', command: COMMANDS.testFeatureStore };
      lenses.push(
        new vscode.CodeLens(range, { ...test, arguments: [args] }),
        new vscode.CodeLens(range, { title: 'Preview request', command: COMMANDS.preview, arguments: [args] }),
        new vscode.CodeLens(range, { title: 'Copy as curl', command: COMMANDS.copyCurl, arguments: [args] }),
      );
    }
    return lenses;
  }
}
