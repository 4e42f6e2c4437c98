// `oauthIntegrationKey` names the OAuth client LaunchDarkly uses for the integration. Two manifests
// with the same key share one client (and its tokens); that is right only for variants of one product.
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import type { RuleEnvironment } from './environment';
import { valueOf } from '../jsonTree';
import { excerpt } from '../excerpt';

export function oauthIntegrationKeyDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  const node = valueOf(doc.root, 'oauthIntegrationKey');
  if (node?.type !== 'string' || !env.otherOauthIntegrationKeys) return [];
  const others = env.otherOauthIntegrationKeys().get(node.value as string) ?? [];
  if (others.length === 0) return [];
  return [
    makeDiagnostic(
      'oauth-integration-key-shared',
      nodeRange(doc, node),
      `"${excerpt(String(node.value))}" is also the oauthIntegrationKey of ${others.join(', ')}. Integrations with one key share one OAuth client and its tokens; use a key of its own unless this is a variant of the same product.`,
      { data: { others } },
    ),
  ];
}
