// What LaunchDarkly's template helpers compute, once, for every renderer in the product (the template
// checks, the JSON body checks, the test request): as the facts file describes them from the
// framework's emulation (rendering.md): `pathEncode` like encodeURI, `queryEncode` like
// encodeURIComponent, `basicAuthHeaderValue` as `Basic base64(user:password)`, `formatWithOffset` with
// the units milliseconds, seconds, rfc3339 and simple.
import { base64Utf8 } from '../base64';

export function pathEncode(value: string): string {
  return encodeURI(value);
}

export function queryEncode(value: string): string {
  return encodeURIComponent(value);
}

export function basicAuthHeaderValue(user: string, password: string): string {
  return `Basic ${base64Utf8(`${user}:${password}`)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `milliseconds` moved by `offsetSeconds`, in `unit`; undefined when it is not a timestamp. Unknown units render rfc3339. */
export function formatWithOffset(milliseconds: unknown, offsetSeconds: unknown, unit: unknown): string | undefined {
  const moved = Number(milliseconds) + Number(offsetSeconds) * 1000;
  const date = new Date(moved);
  if (Number.isNaN(date.getTime())) return undefined;
  if (unit === 'milliseconds') return String(moved);
  if (unit === 'seconds') return String(Math.floor(moved / 1000));
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return unit === 'simple' ? `${day} ${time}` : `${day}T${time}Z`;
}
