// The `ldManifest.*` settings the server reads, pulled from the client. They are window-scoped (one
// value for the whole window, as package.json declares them), so one read serves every document.
import type { Connection } from 'vscode-languageserver/node';
import type { SchemaSetting } from '../engine/schema/schemaContext';
import { parseSeverityConfig, type SeverityConfig } from '../engine/diagnostics/severityConfig';

export interface ServerSettings {
  readonly schema: SchemaSetting;
  readonly severity: SeverityConfig;
}

const defaults: ServerSettings = { schema: 'auto', severity: { overrides: new Map(), problems: [] } };

export async function readSettings(connection: Connection, canPull: boolean): Promise<ServerSettings> {
  if (!canPull) return defaults;
  const section = (await connection.workspace.getConfiguration({ section: 'ldManifest' })) as
    | { schema?: unknown; severity?: unknown }
    | null;
  const schema = section?.schema === 'bundled' || section?.schema === 'workspace' ? section.schema : 'auto';
  const severity = parseSeverityConfig(section?.severity ?? {}, 'ldManifest.severity');
  return { schema, severity };
}
