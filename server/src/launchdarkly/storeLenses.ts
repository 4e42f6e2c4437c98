// Code lenses above `capabilities.featureStore` / `capabilities.bigSegmentStore`: create a
// configuration from the manifest in LaunchDarkly, or show the ones that exist. Pure.
import type { Range } from 'vscode-languageserver-types';
import { nodeAt, nodeRange, propertyKeyNode, type ManifestDocument } from '../engine/manifestDocument';
import { LAUNCHDARKLY_COMMANDS } from '../protocol';
import { STORE_KINDS } from './routes';

export interface StoreLens {
  readonly range: Range;
  readonly command: { readonly title: string; readonly command: string; readonly arguments: unknown[] };
}

export function storeLenses(doc: ManifestDocument): StoreLens[] {
  return STORE_KINDS.flatMap((kind) => {
    const value = nodeAt(doc, ['capabilities', kind]);
    const key = value ? propertyKeyNode(value) : undefined;
    if (value?.type !== 'object' || !key) return [];
    const range = nodeRange(doc, key);
    const args = [{ uri: doc.uri }];
    return [
      { range, command: { title: 'Create configuration in LaunchDarkly', command: LAUNCHDARKLY_COMMANDS.create, arguments: args } },
      { range, command: { title: 'Show configurations', command: LAUNCHDARKLY_COMMANDS.refresh, arguments: args } },
    ];
  });
}
