// Where a diagnostic code is explained: the README's table of codes ("## Diagnostic codes").
//
// The project has no public repository yet, so the base is the package's page on the npm registry,
// which renders the README the package ships (GitHub-style heading anchors). This is the one place
// to change when the repository is published: point it at the repository's README instead.
export const DOCUMENTATION_BASE_URL = 'https://www.npmjs.com/package/ld-manifest';

/** The README anchor of the code table; a table row has no anchor of its own, so every code links here. */
export const DIAGNOSTIC_CODES_URL = `${DOCUMENTATION_BASE_URL}#diagnostic-codes`;
