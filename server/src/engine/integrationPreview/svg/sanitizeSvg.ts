// An icon as the preview shows it: the SVG file rebuilt from its tokens, keeping only what draws
// (svgPolicy.ts) and writing every name, value and text out escaped by us, so nothing of the input
// reaches the output unparsed. Removed: scripts, `<foreignObject>`, event handlers (`on*`), anything
// that fetches (an `href` or `url(…)` not to `#id` in the icon, a `<use>` of another file, an `<image>`
// that is not an embedded PNG, JPEG, GIF or WebP, a style sheet with `@import`, escapes or a URL out),
// and anything unknown. The result goes into an `<img src="data:…">`, where an SVG never runs script
// nor loads anything: the sanitising is the second wall, not the only one.
//
// Bounded: at most MAX_SVG_CHARACTERS of input, elements nested at most MAX_SVG_DEPTH deep (deeper
// ones are dropped), one pass over the tokens; a closing tag looks through at most that many open ones.
import { base64Utf8 } from '../../base64';
import { tokenizeMarkup, type Attribute, type MarkupToken } from './markupTokens';
import { decodeEntities, escapeAttribute, escapeText } from '../../xmlText';
import {
  DRAWING_ATTRIBUTES,
  DRAWING_ELEMENTS,
  EMBEDDABLE_IMAGE_PREFIXES,
  FRAGMENT_HREF_ELEMENTS,
  SILENT_ELEMENTS,
  UNSAFE_CSS_MARKERS,
  UNWRAPPED_ELEMENTS,
} from './svgPolicy';

/** Far above any real icon (the largest in LaunchDarkly's repository is 160 KB, an embedded PNG). */
export const MAX_SVG_CHARACTERS = 500_000;
/** Escaping can lengthen text (`<` is `&lt;`): the most the rebuilt icon may have, before base64. */
export const MAX_SANITIZED_CHARACTERS = 2 * MAX_SVG_CHARACTERS;
export const MAX_SVG_DEPTH = 64;
/** The most removals an icon reports (each kind once). */
const MAX_REPORTED = 8;

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

export type SanitizedSvg =
  | { readonly ok: true; readonly markup: string; readonly dataUri: string; readonly removed: readonly string[] }
  | { readonly ok: false; readonly reason: string };

export function sanitizeSvg(text: string): SanitizedSvg {
  if (text.length > MAX_SVG_CHARACTERS) return { ok: false, reason: `it is larger than the ${MAX_SVG_CHARACTERS / 1000} KB an icon preview reads` };
  const writer = new SvgWriter();
  const complete = tokenizeMarkup(text, (token) => writer.take(token));
  if (!complete) writer.note('what follows an unclosed tag or comment');
  const markup = writer.finish();
  if (markup === undefined) return { ok: false, reason: 'it has no <svg> element' };
  if (markup.length > MAX_SANITIZED_CHARACTERS) return { ok: false, reason: `it is larger than the ${MAX_SANITIZED_CHARACTERS / 1000} KB an icon preview shows, once escaped` };
  return { ok: true, markup, dataUri: `data:image/svg+xml;base64,${base64Utf8(markup)}`, removed: writer.removed() };
}

type Frame = { readonly name: string; readonly written: boolean };

class SvgWriter {
  private out = '';
  /** Text not written yet: escaped in one go before the next tag (a run of text tokens costs one escape). */
  private pendingText = '';
  private readonly open: Frame[] = [];
  /** Inside a dropped element: how many of its elements are open (0: not dropping). */
  private dropping = 0;
  /** Inside a kept `<style>`: its text so far, checked when it closes. */
  private styleText: string | undefined;
  private rootSeen = false;
  private rootClosed = false;
  private readonly notes = new Set<string>();

  take(token: MarkupToken): void {
    if (this.rootClosed) return;
    if (this.dropping > 0) {
      if (token.kind === 'start' && !token.selfClosing) this.dropping++;
      else if (token.kind === 'end') this.dropping--;
      return;
    }
    if (token.kind === 'start') this.start(token.name, token.attributes, token.selfClosing);
    else if (token.kind === 'end') this.end(token.name);
    else if (this.open.length > 0) this.text(token.kind === 'cdata' ? token.text : decodeEntities(token.raw));
  }

  note(what: string): void {
    if (this.notes.size < MAX_REPORTED) this.notes.add(what);
  }

  removed(): string[] {
    return [...this.notes];
  }

  /** The markup, every open element closed; undefined when there was no root `<svg>`. */
  finish(): string | undefined {
    if (!this.rootSeen) return undefined;
    this.flushText();
    if (this.styleText !== undefined) this.closeStyle();
    while (this.open.length > 0) this.close(this.open.pop()!);
    return this.out;
  }

  private start(name: string, attributes: readonly Attribute[], selfClosing: boolean): void {
    this.flushText();
    const kept = this.rootSeen ? this.elementKept(name, attributes) : name === 'svg';
    if (!this.rootSeen && !kept) return this.drop(selfClosing);
    if (this.open.length >= MAX_SVG_DEPTH || this.styleText !== undefined) {
      if (this.open.length >= MAX_SVG_DEPTH) this.note(`elements nested deeper than ${MAX_SVG_DEPTH}`);
      return this.drop(selfClosing);
    }
    if (kept === 'unwrap') {
      if (!selfClosing) this.open.push({ name, written: false });
      return;
    }
    if (!kept) return this.drop(selfClosing);
    const isRoot = !this.rootSeen;
    this.rootSeen = true;
    if (name === 'style') {
      if (selfClosing) return;
      this.open.push({ name, written: true });
      this.styleText = '';
      return;
    }
    this.out += `<${name}${this.attributes(name, attributes, isRoot)}${selfClosing ? '/>' : '>'}`;
    if (selfClosing) {
      if (isRoot) this.rootClosed = true;
    } else this.open.push({ name, written: true });
  }

  private end(name: string): void {
    this.flushText();
    // The innermost open element of that name closes, with any left open inside it (malformed input).
    let at = this.open.length - 1;
    while (at >= 0 && this.open[at]!.name !== name) at--;
    if (at < 0) return;
    while (this.open.length > at) {
      const frame = this.open.pop()!;
      if (frame.name === 'style' && this.styleText !== undefined) this.closeStyle();
      else this.close(frame);
    }
    if (this.open.length === 0) this.rootClosed = true;
  }

  private text(text: string): void {
    if (this.styleText !== undefined) this.styleText += text;
    else this.pendingText += text;
  }

  private flushText(): void {
    if (this.pendingText === '') return;
    this.out += escapeText(this.pendingText);
    this.pendingText = '';
  }

  private close(frame: Frame): void {
    if (frame.written) this.out += `</${frame.name}>`;
  }

  private closeStyle(): void {
    const css = this.styleText ?? '';
    this.styleText = undefined;
    const problem = cssProblem(css);
    if (problem) this.note(`a <style> element with ${problem}`);
    else this.out += `<style>${escapeText(css)}</style>`;
  }

  private drop(selfClosing: boolean): void {
    if (!selfClosing) this.dropping = 1;
  }

  /** Whether an element stays: kept, unwrapped (its content stays) or dropped (with its content), said why. */
  private elementKept(name: string, attributes: readonly Attribute[]): boolean | 'unwrap' {
    if (UNWRAPPED_ELEMENTS.has(name)) return 'unwrap';
    if (name === 'style') return true;
    if (!DRAWING_ELEMENTS.has(name)) {
      // Editors' namespaced data (`sodipodi:namedview`) and metadata draw nothing: no need to say so.
      if (!name.includes(':') && !SILENT_ELEMENTS.has(name)) this.note(`a <${shortened(name)}> element`);
      return false;
    }
    const href = hrefOf(attributes);
    if (name === 'use' && href !== undefined && !isFragment(href)) {
      this.note('a <use> of another file');
      return false;
    }
    if (name === 'image' && (href === undefined || !isEmbeddedImage(href))) {
      this.note('an <image> that is not an embedded PNG, JPEG, GIF or WebP');
      return false;
    }
    return true;
  }

  private attributes(element: string, attributes: readonly Attribute[], isRoot: boolean): string {
    let out = isRoot ? ` xmlns="${SVG_NAMESPACE}" xmlns:xlink="${XLINK_NAMESPACE}"` : '';
    const seen = new Set<string>();
    for (const { name, raw } of attributes) {
      if (seen.has(name)) continue; // XML allows each once
      const value = decodeEntities(raw);
      const kept = this.attributeKept(element, name, value);
      if (!kept) continue;
      seen.add(name);
      out += ` ${name}="${escapeAttribute(value)}"`;
    }
    return out;
  }

  private attributeKept(element: string, name: string, value: string): boolean {
    if (name.length > 2 && (name[0] === 'o' || name[0] === 'O') && (name[1] === 'n' || name[1] === 'N')) {
      this.note(`the ${shortened(name)} attribute (an event handler)`);
      return false;
    }
    const isData = name.startsWith('data-') && /^data-[a-z0-9_.-]+$/.test(name);
    if (!DRAWING_ATTRIBUTES.has(name) && !isData) return false; // namespaces, editors' data, unknown names: draw nothing
    if (name === 'href' || name === 'xlink:href') {
      if (element === 'image') return isEmbeddedImage(value);
      if (FRAGMENT_HREF_ELEMENTS.has(element) && isFragment(value)) return true;
      this.note(`a link to "${shortened(value)}"`);
      return false;
    }
    const lower = value.toLowerCase();
    if (name === 'style') {
      const problem = cssProblem(value);
      if (problem) this.note(`a style attribute with ${problem}`);
      return problem === undefined;
    }
    if (lower.includes('javascript:') || !urlsAreFragments(lower)) {
      this.note(`the ${name} attribute (it refers outside the icon)`);
      return false;
    }
    return true;
  }
}

function hrefOf(attributes: readonly Attribute[]): string | undefined {
  const attribute = attributes.find((a) => a.name === 'href') ?? attributes.find((a) => a.name === 'xlink:href');
  return attribute && decodeEntities(attribute.raw);
}

function isFragment(href: string): boolean {
  return href.trim().startsWith('#');
}

function isEmbeddedImage(href: string): boolean {
  const lower = href.trim().toLowerCase();
  return EMBEDDABLE_IMAGE_PREFIXES.some((prefix) => lower.startsWith(prefix) && (lower[prefix.length] === ';' || lower[prefix.length] === ','));
}

/** What makes a style sheet (or style attribute) unsafe, or undefined. */
function cssProblem(css: string): string | undefined {
  const lower = css.toLowerCase();
  const marker = UNSAFE_CSS_MARKERS.find((m) => lower.includes(m));
  if (marker) return marker === '\\' ? 'CSS escapes' : `"${marker}"`;
  return urlsAreFragments(lower) ? undefined : 'a url() outside the icon';
}

/** Every `url(` in the (lower-cased) text points at `#id`, quoted or not. One scan. */
function urlsAreFragments(lower: string): boolean {
  let at = lower.indexOf('url(');
  while (at >= 0) {
    let i = at + 4;
    while (i < lower.length && (lower[i] === ' ' || lower[i] === '\t' || lower[i] === '\n' || lower[i] === '\r' || lower[i] === '"' || lower[i] === "'")) i++;
    if (lower[i] !== '#') return false;
    at = lower.indexOf('url(', i);
  }
  return true;
}

/** At most 40 characters of a name or URL from the file, on one line, for the removal notes. */
function shortened(text: string): string {
  const oneLine = text.slice(0, 41).replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}
