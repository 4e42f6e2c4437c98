// Sample audit log events in the shape LaunchDarkly sends to auditLogEventsHook templates (the shape
// of the integration framework's sample-context/ files; the values here are this project's own). The
// flag event carries the optional fields (comment, customProperties) so that guarded sections render
// too; the member event has no `key`, as real member events do not. Like LaunchDarkly's own samples,
// the text holds newlines and Markdown escapes but no double quotes: many live .json templates use
// `{{comment}}`, whose HTML escaping of a quote after JSON escaping (`\&quot;`) is invalid JSON, and
// the CI that accepts them renders samples without quotes.

export type TemplateKind = 'flag' | 'project' | 'environment' | 'default' | 'validation' | 'member';
type Event = Record<string, unknown>;

const BASE_URL = 'https://app.launchdarkly.com';
const MEMBER_ID = '64b7f0c2a1d3e40012ab34cd';

const member = {
  _links: {
    parent: { href: `${BASE_URL}/api/v2/members`, type: 'application/json' },
    self: { href: `${BASE_URL}/api/v2/members/${MEMBER_ID}`, type: 'application/json' },
  },
  _id: MEMBER_ID,
  email: 'ada.lovelace@example.com',
  emailLocalPart: 'ada.lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Ada Lovelace',
};

const timestamp = { milliseconds: 1718035200000, seconds: 1718035200, rfc3339: '2024-06-10T16:00:00Z', simple: '2024-06-10 16:00:00' };

function event(kind: string, name: string, key: string | undefined, entityPath: string, changes: string, verb: string): Event {
  const id = '6667221c9e8f4a0011223344';
  const site = `${BASE_URL}/${entityPath}`;
  const actor = `${member.displayName}`;
  return {
    _links: {
      canonical: { href: `${BASE_URL}/api/v2/${entityPath}`, type: 'application/json' },
      parent: { href: `${BASE_URL}/api/v2/auditlog`, type: 'application/json' },
      self: { href: `${BASE_URL}/api/v2/auditlog/${id}`, type: 'application/json' },
      site: { href: site, type: 'text/html' },
      details: { href: `${BASE_URL}/settings/history/${id}/details`, type: 'text/html' },
    },
    baseURL: BASE_URL,
    _id: id,
    _accountId: '5f1e2d3c4b5a697887766554',
    timestamp,
    kind,
    name,
    details: {
      plainText: changes,
      markdown: `* ${changes.replace(/\n/g, '\n\n* ').replace(/-/g, '\\-')}\n`,
      html: `<ul><li>${changes}</li></ul>`,
    },
    project: {
      name: kind === 'member' ? '' : 'Checkout',
      key: kind === 'member' ? '' : 'checkout',
      tags: kind === 'member' ? null : ['web'],
      environment: { name: kind === 'project' ? '' : 'Production', key: kind === 'project' ? '' : 'production', tags: null },
    },
    ...(key === undefined ? {} : { key }),
    tags: kind === 'member' ? null : ['payments'],
    member,
    titleVerb: verb,
    verbKind: 'update',
    title: {
      plainText: `${actor} ${verb} ${name}`,
      markdown: `[${actor}](mailto:${member.email}) ${verb} [${name}](${site})`,
      html: `<a href="mailto:${member.email}">${actor}</a> ${verb} <a href="${site}">${name}</a>`,
    },
    target: {
      _links: {
        canonical: { href: `${BASE_URL}/api/v2/${entityPath}`, type: 'application/json' },
        site: { href: site, type: 'text/html' },
      },
      name,
      _id: '6667221c9e8f4a0011aa0001',
    },
  };
}

const flagEvent: Event = {
  ...event('flag', 'New checkout flow', 'new-checkout-flow', 'checkout/production/features/new-checkout-flow', 'Turned on the flag\nin Production', 'turned on the flag'),
  comment: 'Rolling out to everyone after the beta went well',
  customProperties: {
    datadog: { name: 'Datadog tags', values: ['team:payments', 'service:checkout'] },
    dynatrace: { name: 'Dynatrace tags', values: ['checkout'] },
  },
};

/** The sample event each template kind is rendered with, as LaunchDarkly's CI pairs them. */
export function sampleEventFor(kind: TemplateKind): Event {
  switch (kind) {
    case 'flag':
    case 'default':
      return flagEvent;
    case 'project':
      return event('project', 'Checkout', 'checkout', 'projects/checkout', 'Added the tag web', 'updated the project');
    case 'environment':
    case 'validation':
      return event('environment', 'Production', 'production', 'projects/checkout/environments/production', 'Turned on require comments', 'updated the environment');
    case 'member':
      return event('member', 'grace.hopper@example.com', undefined, `members/${MEMBER_ID}`, 'Changed the role from writer to reader', 'updated the member');
  }
}
