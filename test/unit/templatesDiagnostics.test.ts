// Every template diagnostic, firing and silent, and the scopes templates are checked against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import { templateDiagnostics } from '../../server/src/engine/templates';
import { isDiagnosticCode } from '../../server/src/engine/diagnostics/allCodes';
import { manifestText, validManifest } from '../support/manifests';

 
type Manifest = Record<string, any>;

function check(edit: (m: Manifest) => void): { doc: ManifestDocument; found: { code: string; text: string; diagnostic: Diagnostic }[] } {
  const manifest = validManifest();
  edit(manifest);
  const doc = parseManifest('file:///integrations/x/manifest.json', manifestText(manifest));
  const found = templateDiagnostics(doc).map((d) => ({ code: String(d.code), text: doc.text.getText(d.range), diagnostic: d }));
  return { doc, found };
}

const summary = (found: { code: string; text: string }[]) => found.map((f) => `${f.code}: ${f.text}`);
const store = (m: Manifest) => m.capabilities.featureStore;
const hook = (url: string, headers: { name: string; value: string }[] = []) => ({
  endpoint: { url, method: 'POST', headers },
  templates: {},
  defaultPolicy: [{ effect: 'allow', resources: ['proj/*'], actions: ['*'] }],
});
const topVariables = [
  { key: 'baseURL', name: 'Base URL', type: 'string', description: 'Where to send events.' },
  { key: 'endpointUrl', name: 'Endpoint', type: 'uri', description: 'Endpoint.' },
  { key: 'apiKey', name: 'API key', type: 'string', description: 'Key.', isSecret: true },
  { key: 'flagOn', name: 'On', type: 'boolean', description: 'On.' },
];

test('the valid test manifest has no template diagnostics', () => {
  assert.deepEqual(summary(check(() => {}).found), []);
});

test('every code is registered in allCodes with its severity', () => {
  const { found } = check((m) => {
    store(m).featureStoreRequest.endpoint.url = 'htps://x/{{apiTokn}}/{{siteId}}';
  });
  for (const f of found) assert.ok(isDiagnosticCode(f.code), f.code);
  assert.equal(found.find((f) => f.code === 'template-unknown-variable')?.diagnostic.severity, DiagnosticSeverity.Error);
});

test('unknown variable: error on the name, with the nearest name in data', () => {
  const { found } = check((m) => {
    store(m).validationRequest.endpoint.headers[0].value = 'Bearer {{apiTokn}} {{zzzzzz}}';
  });
  const [typo, far] = found.filter((f) => f.code === 'template-unknown-variable');
  assert.equal(typo.text, 'apiTokn');
  assert.match(String(typo.diagnostic.message), /Did you mean `apiToken`/);
  assert.deepEqual(typo.diagnostic.data, { name: 'apiTokn', suggestion: 'apiToken', declareIn: ['capabilities', 'featureStore', 'formVariables'] });
  assert.equal(far.text, 'zzzzzz');
  assert.equal((far.diagnostic.data as { suggestion?: string }).suggestion, undefined);
});

test('featureStore sees only its own variables: a top-level key is out of scope', () => {
  const { found } = check((m) => {
    m.formVariables = [{ key: 'region', name: 'Region', type: 'string', description: 'Region.' }];
    store(m).featureStoreRequest.endpoint.headers.push({ name: 'X-Region', value: '{{region}}' });
  });
  const hit = found.find((f) => f.code === 'template-out-of-scope');
  assert.equal(hit?.text, 'region');
  assert.match(String(hit?.diagnostic.message), /featureStore templates see only the capability's own/);
});

test('envId only in payloadPrefix/payloadSuffix; _featureStoreKey anywhere in featureStore', () => {
  const silent = check((m) => {
    store(m).featureStoreRequest.payloadPrefix = '{"env":"{{envId}}","key":"{{_featureStoreKey}}","v":';
    store(m).featureStoreRequest.payloadSuffix = '}}';
    store(m).validationRequest.endpoint.headers.push({ name: 'X-Key', value: '{{_featureStoreKey}}' });
  });
  assert.deepEqual(summary(silent.found), []);
  const { found } = check((m) => {
    store(m).featureStoreRequest.endpoint.headers.push({ name: 'X-Env', value: '{{envId}}' });
  });
  assert.deepEqual(summary(found), ['template-out-of-scope: envId']);
});

test('_featureStoreKey outside featureStore is an error', () => {
  const { found } = check((m) => {
    m.formVariables = topVariables;
    m.capabilities.auditLogEventsHook = hook('{{endpointUrl}}/{{_featureStoreKey}}');
  });
  assert.deepEqual(summary(found), ['template-feature-store-key: _featureStoreKey']);
});

test('auditLogEventsHook: top-level variables, any context.* path, oauth.* only with requiresOAuth', () => {
  const ok = check((m) => {
    m.formVariables = topVariables;
    m.requiresOAuth = true;
    m.capabilities.auditLogEventsHook = hook('{{baseURL}}/e?t={{queryEncode context.title.plainText}}&f={{flagOn}}', [
      { name: 'Authorization', value: '{{{basicAuthHeaderValue apiKey oauth.accessToken}}}' },
    ]);
  });
  assert.deepEqual(summary(ok.found), []);
  const { found } = check((m) => {
    m.formVariables = topVariables;
    m.capabilities.auditLogEventsHook = hook('{{baseURL}}/e', [{ name: 'Authorization', value: 'Bearer {{oauth.accessToken}} {{siteId}}' }]);
  });
  // siteId is a featureStore variable: not visible to the hook.
  assert.deepEqual(summary(found), ['template-out-of-scope: oauth', 'template-unknown-variable: siteId']);
});

test('approval: variable groups are checked key by key; LaunchDarkly values are open', () => {
  const approval = (jsonBody: string) => (m: Manifest) => {
    m.capabilities.approval = {
      environmentFormVariables: [{ key: 'column', name: 'Column', type: 'string', description: 'Column.' }],
      approvalFormVariables: [{ key: 'ticket', name: 'Ticket', type: 'string', description: 'Ticket.' }],
      creationRequest: {
        endpoint: { url: 'https://x.example.com/{{environment.instance}}', method: 'POST' },
        jsonBody,
        parser: { approvalId: '/id', urlTemplate: 'https://x.example.com/{{queryEncode context.approvalId}}' },
      },
    };
  };
  const ok = check(approval('{"c":"{{environmentFormVariables.column}}","t":"{{approvalFormVariables.ticket}}","m":"{{member.email}}","d":"{{formatWithOffset timestamp.milliseconds 300 \'simple\'}}"}'));
  assert.deepEqual(summary(ok.found), []);
  const { found } = check(approval('{"c":"{{environmentFormVariables.colum}}"}'));
  assert.deepEqual(summary(found), ['template-unknown-variable: colum']);
  assert.equal((found[0].diagnostic.data as { declareIn?: unknown }).declareIn, undefined, 'no top-level declaration offered for a group key');
});

test('flagLink: metadata keys as declared, deepLink; syncedSegment response variables', () => {
  const { found } = check((m) => {
    m.capabilities.flagLink = {
      header: 'Links',
      emptyState: { title: 'None' },
      metadata: { avatarUrl: { type: 'uri' }, title: { type: 'string' } },
      uiBlocks: { image: { sourceUrl: '{{{metadata.avatarUrl}}}' }, name: '{{{metadata.titel}}}', context: { elements: [{ text: 'x', url: '{{{deepLink}}}' }] } },
    };
    m.capabilities.syncedSegment = {
      jsonResponseBody: '{"p":"{{projectKey}}","s":{{statusCode}},"b":"{{requestBody.a.b}}" {{#if errorMessage}},"e":"{{{errorMessage}}}"{{/if}},"x":"{{segmentKeys}}"}',
    };
  });
  assert.deepEqual(summary(found), ['template-unknown-variable: titel', 'template-unknown-variable: segmentKeys']);
});

test('buttonAction request bodies see their requiredContext roots', () => {
  const { found } = check((m) => {
    m.capabilities.buttonAction = {
      actionRequest: { endpoint: { url: 'https://api.example.com/run', method: 'POST' } },
      requestBodyTemplates: [{ key: 'a', jsonBody: '{"k":"{{flagKey}}","c":"{{content.sdk}}","o":"{{other}}"}', requiredContext: ['flagKey', 'content'] }],
    };
  });
  assert.deepEqual(summary(found), ['template-unknown-variable: other']);
});

test('no false positives inside each/with blocks', () => {
  const { found } = check((m) => {
    store(m).featureStoreRequest.payloadPrefix = '{{#each siteId}}{{name}}{{@index}}{{../apiToken}}{{/each}}{{#with siteId}}{{anything}}{{/with}}';
  });
  assert.deepEqual(summary(found), []);
});

test('unknown helper and wrong arity', () => {
  const { found } = check((m) => {
    store(m).featureStoreRequest.endpoint.headers[0].value = "{{pathEncod siteId}} {{pathEncode siteId apiToken}} {{formatWithOffset 1 2}} {{#equal siteId 'a'}}x{{/equal}} {{> part}}";
  });
  assert.deepEqual(summary(found), [
    'template-unknown-helper: pathEncod',
    'template-helper-arity: pathEncode',
    'template-helper-arity: formatWithOffset',
    'template-unknown-helper: {{> part}}',
  ]);
  assert.match(String(found[1].diagnostic.message), /takes 1 argument, not 2/);
});

test('malformed templates: error at the broken spot', () => {
  const cases: [string, string][] = [
    ['https://x.example.com/{{siteId}', '}'],
    ['https://x.example.com/{{}}', '{{}}'],
    ['https://x.example.com/{{#if siteId}}a', '{{#if siteId}}'],
  ];
  for (const [url, broken] of cases) {
    const { found } = check((m) => {
      store(m).validationRequest.endpoint.url = url;
    });
    const syntax = found.filter((f) => f.code === 'template-syntax');
    assert.deepEqual(
      syntax.map((f) => f.text),
      [broken],
      url,
    );
  }
  // A stray `}}` is text to Handlebars: a warning of its own, and no URL error for the same typo.
  const stray = check((m) => {
    store(m).validationRequest.endpoint.url = '{siteId}}/api';
  });
  assert.deepEqual(summary(stray.found), ['template-stray-braces: }}']);
  assert.equal(stray.found[0].diagnostic.severity, 2);
  // In JSON bodies `}}` closes two objects: not a stray brace.
  const body = check((m) => {
    store(m).featureStoreRequest.payloadSuffix = '}}';
  });
  assert.deepEqual(summary(body.found), []);
});

test('unused featureStore variable: faded warning on its key, silent when used anywhere', () => {
  const { found } = check((m) => {
    store(m).formVariables.push({ key: 'region', name: 'Region', type: 'string', description: 'Region.' });
  });
  assert.deepEqual(summary(found), ['template-unused-variable: "region"']);
  assert.equal(found[0].diagnostic.severity, DiagnosticSeverity.Warning);
  assert.deepEqual(found[0].diagnostic.tags, [DiagnosticTag.Unnecessary]);
  const usedByHmac = check((m) => {
    store(m).formVariables.push({ key: 'signing', name: 'Signing', type: 'string', description: 'Secret.', isSecret: true });
    store(m).featureStoreRequest.endpoint.hmacSignature = { headerName: 'X-Sig', hmacSecretFormVariableKey: 'signing' };
  });
  assert.deepEqual(summary(usedByHmac.found), []);
  const broken = check((m) => {
    store(m).formVariables.push({ key: 'region', name: 'Region', type: 'string', description: 'Region.' });
    store(m).featureStoreRequest.endpoint.url = 'https://x.example.com/{{region';
  });
  assert.deepEqual(
    broken.found.map((f) => f.code),
    ['template-syntax'],
    'a template that does not parse may use it: no unused warning',
  );
});

test('secret form variable in a url warns; in a header it does not', () => {
  const { found } = check((m) => {
    store(m).validationRequest.endpoint.url = 'https://x.example.com/{{siteId}}?token={{apiToken}}';
  });
  assert.deepEqual(summary(found), ['template-secret-in-url: apiToken']);
  assert.equal(found[0].diagnostic.severity, DiagnosticSeverity.Warning);
});

test('rendered url must be absolute http(s)', () => {
  const url = (value: string, extra: (m: Manifest) => void = () => {}) =>
    summary(
      check((m) => {
        m.formVariables = topVariables;
        m.capabilities.auditLogEventsHook = hook(value);
        extra(m);
      }).found,
    );
  assert.deepEqual(url('htps://x.example.com/a'), ['template-invalid-url: htps://x.example.com/a']);
  assert.deepEqual(url('x.example.com/{{baseURL}}'), ['template-invalid-url: x.example.com/']);
  assert.deepEqual(url('https://my host.example.com/a'), ['template-invalid-url: https://my host.example.com/a']);
  assert.deepEqual(url('https:///path'), ['template-invalid-url: https:///path']);
  for (const fine of [
    '{{baseURL}}/api/v1',
    '{{endpointUrl}}',
    'https://{{baseURL}}.example.com/x',
    'https://{{#if baseURL}}{{baseURL}}{{else}}api.example.com{{/if}}/v2',
    '{{ baseURL }}/x?y={{queryEncode context.name}}',
    'http://localhost:8080/{{pathEncode context.key}}',
  ]) {
    assert.deepEqual(url(fine), [], fine);
  }
  // A featureStore url with _featureStoreKey renders a sample key.
  assert.deepEqual(summary(check(() => {}).found), []);
});

test('hmacSecretFormVariableKey and dependsOn variableKey must name an existing variable', () => {
  const { found } = check((m) => {
    m.formVariables = [
      ...topVariables,
      { key: 'mode', name: 'Mode', type: 'string', description: 'Mode.', dependsOn: [{ variableKey: 'flagOnn', variableLocation: 'formVariables', conditions: [], action: 'showField' }] },
    ];
    m.capabilities.auditLogEventsHook = hook('{{endpointUrl}}');
    m.capabilities.auditLogEventsHook.endpoint.hmacSignature = { headerName: 'X-Sig', hmacSecretFormVariableKey: 'baseURL' };
  });
  assert.deepEqual(summary(found), ['hmac-secret-not-secret: baseURL', 'form-variable-key-unknown: flagOnn']);
  assert.equal((found[1].diagnostic.data as { suggestion?: string }).suggestion, 'flagOn');
  const missing = check((m) => {
    m.formVariables = topVariables;
    m.capabilities.auditLogEventsHook = hook('{{endpointUrl}}');
    m.capabilities.auditLogEventsHook.endpoint.hmacSignature = { headerName: 'X-Sig', hmacSecretFormVariableKey: 'apiKye' };
  });
  assert.deepEqual(summary(missing.found), ['form-variable-key-unknown: apiKye']);
  const fine = check((m) => {
    m.formVariables = topVariables;
    m.capabilities.auditLogEventsHook = hook('{{endpointUrl}}');
    m.capabilities.auditLogEventsHook.endpoint.hmacSignature = { headerName: 'X-Sig', hmacSecretFormVariableKey: 'apiKey' };
  });
  assert.deepEqual(summary(fine.found), []);
});
