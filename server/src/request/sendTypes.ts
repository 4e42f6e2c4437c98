// What sending a rendered request takes and gives, the same for every transport: Node's http/https
// (send.ts: the CLI, the desktop client) and the browser's fetch (fetchSend.ts: the web extension).
// Callers hold a `Send` and never know which one they have.
import type { RenderedRequest } from './render';

/** What a test request may take unless a setting or flag says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
/** The longest a test request may take, whatever a setting says: beyond 2^31 ms a timer fires at once. */
export const MAX_TIMEOUT_SECONDS = 600;

export interface SendOptions {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** PEM text of extra certificate authorities to trust (a setting's CA file). */
  readonly extraCa?: string;
  readonly signal?: AbortSignal;
  readonly maxRedirects?: number;
}

export interface Redirect {
  readonly status: number;
  readonly from: string;
  readonly to: string;
  readonly followed: boolean;
  /** Why a redirect was not followed. */
  readonly why?: string;
}

export interface ReceivedResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  /** As received, names lower-cased, repeated headers kept. */
  readonly headers: readonly [string, string][];
  readonly body: Uint8Array;
  /** The body was longer than the limit; `body` holds its first `maxBodyBytes`. */
  readonly truncated: boolean;
  readonly redirects: readonly Redirect[];
  readonly elapsedMs: number;
}

/** `browser`: a browser refused to send it or to show the answer (CORS, a header it will not set). */
export type NetworkErrorKind = 'dns' | 'refused' | 'tls' | 'timeout' | 'cancelled' | 'reset' | 'browser' | 'other';

export type SendOutcome =
  | { readonly kind: 'response'; readonly response: ReceivedResponse }
  | { readonly kind: 'network-error'; readonly error: NetworkErrorKind; readonly message: string; readonly elapsedMs: number };


const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Sends one request: never throws; a failure is a `network-error` outcome. */
export type Send = (request: RenderedRequest, options: SendOptions) => Promise<SendOutcome>;

/** A body as text (UTF-8, a broken sequence replaced rather than refused). */
export function bodyText(body: Uint8Array): string {
  return new TextDecoder('utf-8').decode(body);
}

/** A deadline is clamped: beyond 2^31 ms a timer fires at once. */
export function clampedTimeoutMs(timeoutMs: number): number {
  return Math.min(Math.max(timeoutMs, 1), MAX_TIMEOUT_SECONDS * 1000);
}
