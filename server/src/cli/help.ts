// The --help texts. They are the CLI's reference, so they state the exit-status rules exactly.
import type { Command } from './command';

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `Usage: ld-manifest <command> [options]

Tools for LaunchDarkly integration manifests (integrations/<key>/manifest.json).

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options:
  -h, --help   Show this help; 'ld-manifest <command> --help' shows a command's help.
  --version    Show the version.
`;
}

export const lintHelp = `Usage: ld-manifest lint [options] PATH...

Checks manifests the way the editor does: JSON syntax, duplicate keys, the manifest schema,
Handlebars templates and their variables, JSON pointers in parsers, and the rules LaunchDarkly's CI
applies (icons, form variables, audit log templates, ...).

PATH is a manifest file, a folder (every manifest.json below it, skipping node_modules and
dot-folders) or a quoted glob using *, ** and ?, e.g. 'integrations/*/manifest.json'. Of what a
glob matches, folders are searched like folders and .json files are linted; other files are ignored.
Wildcards match neither node_modules nor names starting with a dot unless written out.

Options:
  --format text|json   text (default): one line per problem,
                         path:line:column: severity code message
                       then a summary line. json: one array of objects with file, line, column,
                       endLine, endColumn, severity (error|warning|information|hint), code, message.
  --schema auto|bundled|PATH
                       auto (default): the nearest manifest.schema.json in the manifest's folder or
                       above it, else the bundled schema (a broken one is reported as a warning and
                       the bundled schema used). bundled: the schema built into ld-manifest.
                       PATH: that schema file (write ./auto for a file named auto).
  --severity CODE=LEVEL[,CODE=LEVEL...]
                       Set a diagnostic code's severity: error, warning, information, hint or off
                       (off drops it). May be given more than once. Applied after the "severity"
                       object of .ld-manifest.json at the repository root (the nearest folder with
                       .git above the working directory), e.g. { "severity": { "overview-full-stop": "off" } }.
                       An unknown code or level in either is bad usage (exit 2).
  -q, --quiet          Report errors only.
  -h, --help           Show this help.

Lines and columns are 1-based. Columns count UTF-16 code units, as VS Code's Problems panel and
'code --goto' do: a tab counts 1, an emoji 2. endLine:endColumn is just past the problem.

Exit status:
  0  no errors (warnings and the like allowed)
  1  errors in at least one manifest, JSON syntax errors included: a file that starts like JSON
     is a manifest with problems
  2  bad usage or unreadable input, with a one-line message: unknown command or option, missing
     value, no PATH, a missing path, a folder or glob without manifests, a binary or non-UTF-8 file,
     a file that is not JSON at all (its first token cannot begin a JSON value, e.g. prose), a schema
     PATH that cannot be used, a bad severity configuration. Nothing is linted then.
`;
