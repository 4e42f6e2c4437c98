// How long to wait after a 429. LaunchDarkly says it two ways: `Retry-After` in seconds (IP-based
// limits) or `X-Ratelimit-Reset`, the epoch **milliseconds** at which the window resets (its own VS
// Code extension reads that as seconds to wait, which would wait for decades). Pure.

/** The longest single wait this product accepts before giving up instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** When a 429 says nothing about when to come back. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;
/** How many times one call is retried after 429s. */
export const MAX_RATE_LIMIT_RETRIES = 3;

/** Milliseconds to wait before retrying, from the 429's headers (names lower-case) and the current time. */
export function rateLimitWaitMs(headers: readonly (readonly [string, string])[], nowMs: number): number {
  const header = (name: string) => headers.find(([n]) => n === name)?.[1]?.trim();
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  if (retryAfter !== undefined) {
    // The other form RFC 9110 allows: an HTTP date.
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  const reset = header('x-ratelimit-reset');
  if (reset !== undefined && /^\d+$/.test(reset)) return Math.max(0, Number(reset) - nowMs);
  return DEFAULT_RATE_LIMIT_WAIT_MS;
}
