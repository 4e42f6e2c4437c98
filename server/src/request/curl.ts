// "Copy as curl": the request as one curl command that reads every secret from a shell variable
// (`$API_TOKEN`), so the command can be pasted into a chat or a ticket without leaking anything.
// Every word the manifest or a value controls is quoted; the method is an HTTP token (requestSpec.ts
// refuses any other) and is quoted all the same.
import type { Rendered } from './render';
import { shellWord } from './shellWords';

export function curlCommand(rendered: Rendered): string {
  const { marked, marks } = rendered;
  const word = (s: string) => shellWord(s, marks);
  // One option and its value per line, continued with backslashes. `--url` so that no URL is read as an option.
  const lines = [`curl --request ${word(marked.method)} --url ${word(marked.url)}`];
  for (const header of marked.headers) lines.push(`--header ${word(`${header.name}: ${header.value}`)}`);
  if (marked.body !== undefined) lines.push(`--data-binary ${word(marked.body)}`);
  const command = lines.join(' \\\n  ');
  return [...variableNotes(rendered), command].join('\n') + '\n';
}

/** Comment lines naming the shell variables the command expects. */
function variableNotes(rendered: Rendered): string[] {
  const { marked, marks } = rendered;
  const texts = [marked.url, ...marked.headers.map((h) => h.value), marked.body ?? ''];
  const variables = new Set<string>();
  const transformed = new Map<string, string>();
  for (const text of texts) {
    for (const piece of marks.pieces(text)) {
      if (piece.kind !== 'mark') continue;
      for (const name of piece.value.variables) {
        variables.add(name);
        if (piece.value.transformed) transformed.set(name, piece.value.transformed);
      }
    }
  }
  const secrets = [...variables].filter((name) => name !== 'EDGEGRID_AUTHORIZATION');
  const notes: string[] = [];
  if (secrets.length > 0) notes.push(`# Set first (secret, not written here): ${secrets.map((n) => `${n}=...`).join(' ')}`);
  for (const [name, how] of transformed) notes.push(`# ${name} is sent ${how}: give it already encoded if it holds characters other than letters, digits and - . _ ~`);
  if (variables.has('EDGEGRID_AUTHORIZATION')) {
    notes.push('# EDGEGRID_AUTHORIZATION: an Akamai EdgeGrid signature is valid for one request and a few seconds;');
    notes.push("# compute it for this method and path with Akamai's EdgeGrid tools, or use the editor's Test command.");
  }
  return notes;
}
