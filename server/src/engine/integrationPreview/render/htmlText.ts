// Text from a manifest, as HTML. Everything the preview writes into a page passes through `html`:
// markup characters become references, and what an HTML parser reports as an error in the input stream
// (control characters, lone surrogates, noncharacters) is shown as `\uXXXX` or replaced, so that the
// page is valid HTML whatever the manifest holds.
import { visible } from '../../excerpt';

const REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Lone surrogates and the noncharacters U+FDD0–U+FDEF, U+FFFE and U+FFFF (of the BMP; those of other
// planes pair with a high surrogate and are rare enough to let the parser see).
const UNPARSABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufdd0-\ufdef\ufffe\uffff]/g;

/** Text or an attribute value: escaped, and safe for the HTML parser. */
export function html(text: string): string {
  return visible(text, true)
    .replace(UNPARSABLE, '\ufffd')
    .replace(/[&<>"']/g, (c) => REFERENCES[c] ?? c);
}

/** A range as the `data-range` attribute the webview's script reads: `line,character,line,character`. */
export function rangeAttribute(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line},${range.start.character},${range.end.line},${range.end.character}`;
}
