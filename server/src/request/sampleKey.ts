// The `_featureStoreKey` a test request uses when no setting names one: shaped like the keys
// LaunchDarkly generates per environment, and unmistakably a test one. Web Crypto, so that the CLI,
// the desktop client and the browser client make it the same way.

export function sampleFeatureStoreKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return `ld-manifest-test-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
