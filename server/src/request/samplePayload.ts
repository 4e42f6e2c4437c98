// The flag data a "Test feature store request" sends: one small, obviously fake flag and segment in the
// shape LaunchDarkly's SDKs read from a store (`flags` and `segments` keyed by key). It is wrapped in
// the manifest's payloadPrefix/payloadSuffix by the renderer, as LaunchDarkly does.
export function sampleFlagPayload(): string {
  const flag = {
    key: 'ld-manifest-test-flag',
    version: 1,
    on: true,
    variations: [true, false],
    fallthrough: { variation: 0 },
    offVariation: 1,
    targets: [],
    rules: [],
    prerequisites: [],
    salt: 'ld-manifest-test',
    trackEvents: false,
    deleted: false,
  };
  const segment = { key: 'ld-manifest-test-segment', version: 1, included: [], excluded: [], rules: [], salt: 'ld-manifest-test', deleted: false };
  return JSON.stringify({ flags: { [flag.key]: flag }, segments: { [segment.key]: segment } });
}
