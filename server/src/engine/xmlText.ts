// Character data in and out of XML. Input is decoded before any check (so `&#x6A;avascript:` is seen
// as `javascript:`); entities a DOCTYPE would define are gone with the DOCTYPE, so they decode to
// nothing. Output is escaped by us, and characters XML forbids are left out, so that what the icon
// sanitiser (integrationPreview/svg/) writes is always well-formed; the JUnit report escapes with it too,
// after writing those characters as `\uXXXX`.

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
/** The longest reference read (`&#x10FFFF;` is 10): a longer run after `&` is text. */
const MAX_REFERENCE = 12;

export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const semicolon = semicolonWithin(raw, amp + 1, amp + MAX_REFERENCE);
    if (semicolon < 0) {
      out += '&';
      i = amp + 1;
      continue;
    }
    out += referenceValue(raw.slice(amp + 1, semicolon));
    i = semicolon + 1;
  }
  return out;
}

/** A `;` in [from, to]: looked for only as far as a reference can reach, so a run of `&` stays linear. */
function semicolonWithin(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length - 1);
  for (let i = from; i <= end; i++) if (text.charCodeAt(i) === 0x3b) return i;
  return -1;
}

function referenceValue(name: string): string {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return '';
    const code = parseInt(digits, hex ? 16 : 10);
    return isXmlChar(code) ? String.fromCodePoint(code) : '';
  }
  return NAMED[name] ?? '';
}

/** Whether XML 1.0 allows the code point in a document. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

export function escapeText(text: string): string {
  return withoutForbidden(text).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(text: string): string {
  return withoutForbidden(text).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters XML forbids are the point
export const NOT_XML_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function withoutForbidden(text: string): string {
  return text.replace(NOT_XML_CHARACTERS, '');
}
