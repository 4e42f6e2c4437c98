// "Copy as curl": the request as one curl command that reads every secret from a shell variable
// (`$API_TOKEN`), so the command can be pasted into a chat or a ticket without leaking anything.
import type { Rendered } from './render';
import { piecesOf, shellVariableName } from './symbolic';
import { shellWord } from './shellWords';

export function curlCommand(rendered: Rendered): string {
  const { symbolic, derived } = rendered;
  const word = (s: string) => shellWord(s, derived);
  // One option and its value per line, continued with backslashes.
  const lines = [`curl --request ${symbolic.method} ${word(symbolic.url)}`];
  for (const header of symbolic.headers) lines.push(`--header ${word(`${header.name}: ${header.value}`)}`);
  if (symbolic.body !== undefined) lines.push(`--data-binary ${word(symbolic.body)}`);
  const command = lines.join(' \\\n  ');
  return [...variableNotes(rendered), command].join('\n') + '\n';
}

/** Comment lines naming the shell variables the command expects, by the manifest's keys. */
function variableNotes(rendered: Rendered): string[] {
  const texts = [rendered.symbolic.url, ...rendered.symbolic.headers.map((h) => h.value), rendered.symbolic.body ?? ''];
  const secrets = new Set<string>();
  let edgeGrid = false;
  const visit = (text: string) => {
    for (const piece of piecesOf(text, rendered.derived)) {
      if (piece.kind === 'secret') secrets.add(piece.key);
      if (piece.kind === 'derived') {
        if (piece.value.shell.includes('EDGEGRID_AUTHORIZATION')) edgeGrid = true;
        else for (const match of piece.value.shell.matchAll(/\$\{([A-Z0-9_]+)\}/g)) secrets.add(match[1]!);
      }
    }
  };
  texts.forEach(visit);
  const notes: string[] = [];
  const names = [...secrets].map((key) => (/^[A-Z0-9_]+$/.test(key) ? key : shellVariableName(key)));
  if (names.length > 0) notes.push(`# Set first (secret, not written here): ${[...new Set(names)].map((n) => `${n}=...`).join(' ')}`);
  if (edgeGrid) {
    notes.push("# EDGEGRID_AUTHORIZATION: an Akamai EdgeGrid signature is valid for one request and a few seconds;");
    notes.push("# compute it for this method and path with Akamai's EdgeGrid tools, or use the editor's Test command.");
  }
  return notes;
}
