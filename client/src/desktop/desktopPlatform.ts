// The desktop's Node extension host: the server is a Node process over IPC, requests go through
// Node's http/https (with the CA file setting), files are read by path.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { sendRequest } from '../../../server/src/request/send';
import type { ClientPlatform } from '../platform';
import { requestSettings } from '../request/settings';
import { readCaFile } from './caFile';

export const desktopPlatform: ClientPlatform = {
  name: 'desktop',
  createLanguageClient: async (context: vscode.ExtensionContext, clientOptions: LanguageClientOptions) => {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    return new LanguageClient('ldManifest', 'LaunchDarkly Manifest Language Server', serverOptions, clientOptions);
  },
  send: sendRequest,
  readExtraCa: async (scope) => {
    const caFile = requestSettings(scope).caFile;
    return caFile ? readCaFile(caFile) : undefined;
  },
  networkAdvice: () => undefined,
};
