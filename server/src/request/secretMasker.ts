// What came back from a service (a body, a header, a status text, an error message) may echo a secret
// in any form the helpers or the transport gave it: as typed, percent-encoded, query-encoded,
// normalised by a URL parser, JSON-escaped, HTML-escaped, in base64 (a Basic header), lower-cased (a
// host name in a DNS error). The masker knows every secret's value and every value made from one, and
// masks each of those forms, case-insensitively, wherever it appears in such text.
//
// A secret shorter than MIN_MASKABLE_LENGTH characters cannot be masked without shredding unrelated
// text (and the shredding would reveal it), so then nothing the service sent back is shown at all, and
// the output says why.
import { MASK } from './symbolic';
import { base64Utf8 } from '../engine/base64';

export const MIN_MASKABLE_LENGTH = 8;

export const WITHHELD = `(withheld: a secret value is shorter than ${MIN_MASKABLE_LENGTH} characters, too short to be masked reliably in what the service sent back)`;

export class SecretMasker {
  private readonly pattern: RegExp | undefined;
  /** Set when some secret is too short to mask: text from outside must be withheld, not masked. */
  readonly withhold: boolean;

  /**
   * `secrets`: the values the author gave for secret variables; `madeFromSecrets`: values helpers made
   * from them (a Basic header's value, an EdgeGrid signature, an encoded secret).
   */
  constructor(secrets: readonly string[], madeFromSecrets: readonly string[] = []) {
    const given = secrets.filter((s) => s.length > 0);
    this.withhold = given.some((s) => [...s].length < MIN_MASKABLE_LENGTH);
    const forms = new Set<string>();
    // A value too short to mask is left out (its text from outside is withheld instead): masking it
    // would shred the tool's own words.
    for (const value of [...given, ...madeFromSecrets].filter((v) => [...v].length >= MIN_MASKABLE_LENGTH)) {
      for (const form of encodedForms(value)) forms.add(form);
      // A value made of words (`Basic <base64>`) may come back one word at a time.
      for (const word of value.split(/\s+/)) if ([...word].length >= MIN_MASKABLE_LENGTH) for (const form of encodedForms(word)) forms.add(form);
    }
    const sorted = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
    // Longest first, so that a form containing another is masked whole. Literal alternatives only: linear.
    this.pattern = sorted.length > 0 ? new RegExp(sorted.map(escapeRegExp).join('|'), 'giu') : undefined;
  }

  /** `text` with every form of every secret masked. */
  mask(text: string): string {
    return this.pattern ? text.replace(this.pattern, MASK) : text;
  }

  /** Text from outside as it may be shown: masked, or withheld when a secret is too short to mask. */
  outside(text: string): string {
    if (this.withhold && text.length > 0) return WITHHELD;
    return this.mask(text);
  }

  /** A parsed JSON value with every string, key and number that holds a secret masked. */
  maskJson(value: unknown): unknown {
    // Iterative: a response body can nest as deep as the JSON parser allows.
    const root = { value };
    const stack: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [{ holder: root as Record<string, unknown>, key: 'value' }];
    while (stack.length > 0) {
      const { holder, key } = stack.pop()!;
      const item = (holder as Record<string | number, unknown>)[key];
      if (typeof item === 'string') (holder as Record<string | number, unknown>)[key] = this.mask(item);
      else if (typeof item === 'number' && this.mask(String(item)) !== String(item)) (holder as Record<string | number, unknown>)[key] = MASK;
      else if (Array.isArray(item)) {
        const copy = [...item];
        (holder as Record<string | number, unknown>)[key] = copy;
        for (let i = 0; i < copy.length; i++) stack.push({ holder: copy, key: i });
      } else if (item !== null && typeof item === 'object') {
        const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const [k, v] of Object.entries(item)) copy[this.mask(k)] = v;
        (holder as Record<string | number, unknown>)[key] = copy;
        for (const k of Object.keys(copy)) stack.push({ holder: copy, key: k });
      }
    }
    return root.value;
  }
}

/** The forms a value takes through the helpers, URLs, JSON, HTML and base64. */
function encodedForms(value: string): string[] {
  const forms = [value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+'), encodeURI(value)];
  forms.push(JSON.stringify(value).slice(1, -1), asciiJson(value), htmlEscaped(value));
  for (const url of [`http://h/${value}`, `http://h/?${value}`, `http://h/#${value}`]) {
    try {
      const parsed = new URL(url);
      forms.push(parsed.pathname.slice(1), parsed.search.slice(1), parsed.hash.slice(1));
    } catch {
      // Not every value makes a URL; the other forms still apply.
    }
  }
  try {
    // A host name: lower-cased, and punycode for non-ASCII.
    forms.push(new URL(`http://${value}/`).hostname);
  } catch {
    // Not a host name.
  }
  const base64 = base64Utf8(value);
  forms.push(base64, base64.replace(/=+$/, ''), base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  return forms.filter((f) => f.length > 0);
}

function asciiJson(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Handlebars' own escaping, which a template without `noEscape` applies. */
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

function htmlEscaped(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
