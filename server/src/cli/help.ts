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
  -f, --format text|json|sarif|github|junit
                       text (default): one line per problem,
                         path:line:column: severity code message
                       then a summary line. json: one array of objects with file, line, column,
                       endLine, endColumn, severity (error|warning|information|hint), code, message.
                       sarif: SARIF 2.1.0 (GitHub code scanning): every code as a rule with a help
                       link, results with regions, and the quick fixes the editor offers as fixes.
                       github: GitHub Actions annotations, one workflow command per problem:
                         ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE::message
                       (warning for warnings, notice for information and hints). junit: JUnit XML,
                       one testcase per manifest, one failure per error. sarif and github name files
                       relative to the repository root.
  -o, --output FILE    Write the report to FILE (replaced whole, never left half written) instead
                       of standard output.
  --schema auto|bundled|PATH
                       auto (default): the nearest manifest.schema.json in the manifest's folder or
                       above it, else the bundled schema (a broken one is reported as a warning and
                       the bundled schema used). bundled: the schema built into ld-manifest.
                       PATH: that schema file (write ./auto for a file named auto).
  --severity CODE=LEVEL[,CODE=LEVEL...]
                       Set a diagnostic code's severity: error, warning, information, hint or off
                       (off drops it). May be given more than once. Applied after the "severity"
                       object of the configuration file.
  --config FILE        The configuration file to use instead of .ld-manifest.json at the
                       repository root (the nearest folder with .git above the working directory,
                       else the working directory). It holds
                         { "severity": { "overview-full-stop": "off" },
                           "ignore": [ { "code": "template-secret-in-url",
                                         "path": "integrations/acme/manifest.json",
                                         "reason": "the API takes its key in the URL" } ] }
                       An ignore entry drops the code's problems in the manifests its path glob
                       (relative to the file's folder; *, ** and ?) matches; its reason is required.
                       An unknown key, code or level, or an entry without a reason, is bad usage.
  --show-ignored       Also report the problems the configuration ignores, each with its reason
                       (text: "ignored <severity>"; json: an "ignored" member; sarif: a
                       suppression). They never count towards the exit status.
  -q, --quiet          Report errors only.
  --max-warnings N     Exit 1 when there are more than N warnings, even without errors (counted
                       whether --quiet hides them or not).
  --changed[=BASE]     Lint only the manifests (under PATH) that changed since the git ref BASE
                       (default HEAD: uncommitted changes), compared with the merge base of BASE
                       and HEAD, untracked files included, and those that read a changed file (an
                       icon, a template, a sample response, the schema). Write --changed=BASE, with
                       the equals sign, e.g. --changed=origin/main.
  --fix                Apply the quick fixes that need no choice (a problem's one preferred fix,
                       as VS Code's Auto Fix: a missing "/" of a JSON pointer, "error" renamed to
                       "errors", a misspelt key, value, variable or helper that has one near
                       match), rewriting the files in place and leaving the rest of the text as it
                       was; each fix is listed on standard error as
                         path:line:column: fixed code: what was done
                       The report is then of the fixed files.
  -h, --help           Show this help.

Lines and columns are 1-based. Columns count UTF-16 code units, as VS Code's Problems panel and
'code --goto' do: a tab counts 1, an emoji 2. endLine:endColumn is just past the problem.

Exit status:
  0  no errors (warnings and the like allowed, up to --max-warnings)
  1  errors in at least one manifest, JSON syntax errors included (a file that starts like JSON
     is a manifest with problems), or more warnings than --max-warnings; ignored problems do not
     count
  2  bad usage or unreadable input, with a one-line message: unknown command or option, missing
     value, no PATH, a missing path, a folder or glob without manifests, a binary or non-UTF-8 file,
     a file that is not JSON at all (its first token cannot begin a JSON value, e.g. prose), a schema
     PATH that cannot be used, a bad configuration, an --output FILE that cannot be written,
     --changed outside a git repository or with an unknown ref. Nothing is linted or fixed then.
`;
