// Which LaunchDarkly instance the API calls go to. The access token is sent to this origin only, so a
// base URL must be https (plain http only to this machine, for a local relay or a test stand-in) and
// carry nothing that would confuse where the token goes: no user name or password, query or fragment.
// Pure: no Node module, so an editor running in a browser can use it as is.

export const INSTANCES = {
  commercial: 'https://app.launchdarkly.com',
  eu: 'https://app.eu.launchdarkly.com',
  federal: 'https://app.launchdarkly.us',
} as const;

export type InstanceName = keyof typeof INSTANCES;

export type BaseUriResult = { readonly ok: true; readonly baseUri: string } | { readonly ok: false; readonly problem: string };

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** Whether `hostname` (as URL gives it) is this machine: plain http is allowed only there. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A usable base URL from what the author gave: an instance name (`commercial`, `eu`, `federal`) or a
 * URL. The result has no trailing slash; a path (a proxy's prefix) is kept.
 */
export function resolveBaseUri(given: string | undefined): BaseUriResult {
  const text = (given ?? '').trim();
  if (text === '') return { ok: true, baseUri: INSTANCES.commercial };
  if (Object.prototype.hasOwnProperty.call(INSTANCES, text)) return { ok: true, baseUri: INSTANCES[text as InstanceName] };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: `the base URI is not a URL (give https://… or one of ${Object.keys(INSTANCES).join(', ')})` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: `the base URI must be an https: URL, not ${url.protocol}` };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, problem: 'the base URI must use https: (plain http: only for localhost / 127.0.0.1, where the token cannot be overheard)' };
  }
  if (url.username || url.password) return { ok: false, problem: 'the base URI must not carry a user name or password' };
  if (url.search || url.hash) return { ok: false, problem: 'the base URI must not have a query or fragment' };
  return { ok: true, baseUri: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The instance's name when `baseUri` is one of LaunchDarkly's, for messages. */
export function instanceLabel(baseUri: string): string {
  const named = (Object.keys(INSTANCES) as InstanceName[]).find((name) => INSTANCES[name] === baseUri);
  return named ? `${named} (${baseUri})` : baseUri;
}
