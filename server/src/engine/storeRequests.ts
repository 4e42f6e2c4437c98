// The two requests of a featureStore capability an author can test (editor commands, code lenses and
// `ld-manifest test-request`), and the property of the capability that holds each.

export type RequestKind = 'validation' | 'featureStore';

export const REQUEST_PROPERTY: Readonly<Record<RequestKind, string>> = {
  validation: 'validationRequest',
  featureStore: 'featureStoreRequest',
};
