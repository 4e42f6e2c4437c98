// The places of a preview's elements in the manifest, and the problems each one shows: a problem
// belongs to the innermost element whose range contains it (a field, not its form; a form, when the
// problem is on the list itself). Elements nest like the JSON they come from, so one sweep over both
// lists, sorted by position, with a stack of the open elements, attaches every problem: O((E + P) log)
// for E elements and P problems, never E × P.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { severityName } from '../diagnostics/severityName';
import type { Location, PreviewProblem } from './model';

interface Element {
  readonly start: number;
  readonly end: number;
  readonly problems: PreviewProblem[];
}

export class Locations {
  private readonly elements: Element[] = [];
  /** One location per node: elements shown twice (a parser run per sample) share its problems. */
  private readonly byNode = new Map<Node, Location>();

  constructor(private readonly doc: ManifestDocument) {}

  /** The location of `node` (a value, or a property's value), registered to receive its problems. */
  at(node: Node, path: readonly (string | number)[]): Location {
    const known = this.byNode.get(node);
    if (known) return known;
    // A property's key belongs to it too: a problem on the key of `name` is the name's.
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    const start = property ? property.offset : node.offset;
    const problems: PreviewProblem[] = [];
    this.elements.push({ start, end: node.offset + node.length, problems });
    const location = { path, range: nodeRange(this.doc, node), problems };
    this.byNode.set(node, location);
    return location;
  }

  /** Attaches each diagnostic to its element; returns those inside none. */
  attach(diagnostics: readonly Diagnostic[]): PreviewProblem[] {
    const elements = [...this.elements].sort((a, b) => a.start - b.start || b.end - a.end);
    const problems = diagnostics
      .map((d) => ({ problem: toProblem(d), start: this.doc.text.offsetAt(d.range.start), end: this.doc.text.offsetAt(d.range.end) }))
      .sort((a, b) => a.start - b.start);
    const unattached: PreviewProblem[] = [];
    const open: Element[] = [];
    let next = 0;
    for (const { problem, start, end } of problems) {
      // Open every element that starts at or before the problem, closing those that ended before it.
      while (next < elements.length && elements[next]!.start <= start) {
        const element = elements[next++]!;
        while (open.length > 0 && open[open.length - 1]!.end < element.start) open.pop();
        open.push(element);
      }
      while (open.length > 0 && open[open.length - 1]!.end < start) open.pop();
      // The open elements nest; the innermost that also contains the problem's end takes it.
      let owner: Element | undefined;
      for (let i = open.length - 1; i >= 0 && !owner; i--) if (open[i]!.end >= end) owner = open[i];
      (owner?.problems ?? unattached).push(problem);
    }
    return unattached;
  }
}

function toProblem(diagnostic: Diagnostic): PreviewProblem {
  const code = diagnostic.code === undefined ? undefined : String(diagnostic.code);
  return { ...(code ? { code } : {}), severity: severityName(diagnostic.severity), message: messageOf(diagnostic), range: diagnostic.range };
}

function messageOf(diagnostic: Diagnostic): string {
  const message: unknown = diagnostic.message;
  return typeof message === 'string' ? message : String((message as { value?: unknown } | null)?.value ?? '');
}
