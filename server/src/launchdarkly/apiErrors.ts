// LaunchDarkly's error answers turned into one line that says what happened and what to do. The
// caller masks secrets in the result and makes it printable: the `message` is the service's words.
// Pure.
import type { ApiErrorBody } from './responses';

/** What the failed call was about, for the advice. */
export interface CallContext {
  /** e.g. `create the delivery configuration of acme in default/production`. */
  readonly action: string;
  /** The instance, as messages name it. */
  readonly instance: string;
  /** How the author gives the token here: `LD_ACCESS_TOKEN`, or the editor's sign-in. */
  readonly tokenSource: string;
  readonly integrationKey?: string;
}

export function apiErrorMessage(status: number, body: ApiErrorBody, context: CallContext): string {
  const said = body.code || body.message ? ` (${[body.code, body.message].filter(Boolean).join(': ')})` : '';
  const failed = `cannot ${context.action}: LaunchDarkly answered ${status}${said}`;
  return `${failed}; ${advice(status, context)}`;
}

function advice(status: number, context: CallContext): string {
  switch (status) {
    case 400:
      return 'the request was refused as invalid; check the values given';
    case 401:
      return `the access token was not accepted: check ${context.tokenSource}, and that the token belongs to this instance, ${context.instance} (a token works only on the instance that issued it)`;
    case 403:
      return "the token's role does not allow this: use a personal or service token whose role may read and write integrations in this project";
    case 404:
      return context.integrationKey
        ? `check the project and environment keys, the id, and that LaunchDarkly knows the integration '${context.integrationKey}' (an integration that is not published yet is unknown to it)`
        : 'check the project and environment keys';
    case 405:
      return 'this instance does not offer this call; check the base URI';
    case 409:
      return 'a configuration for this integration already exists in this environment: update or delete that one instead';
    case 422:
      return 'the change cannot be applied, most likely because the configuration changed since it was read: read it again and retry';
    case 429:
      return 'LaunchDarkly keeps limiting the rate of calls: try again in a minute';
    default:
      return status >= 500 ? 'LaunchDarkly had a problem: try again later' : 'see LaunchDarkly’s message';
  }
}
