// `--schema auto|bundled|PATH`: which schema each manifest is checked against.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SchemaLoadError, type SchemaContext, type SchemaSetting } from '../engine/schema/schemaContext';
import { loadSchemaFile } from '../node/schemaFile';
import { CliError, oneLine } from './cliError';

export interface SchemaChoice {
  readonly setting: SchemaSetting;
  /** The one schema every manifest is checked against, for `--schema PATH`. */
  readonly fixed?: SchemaContext;
}

export function schemaChoice(setting: string | undefined, cwd: string): SchemaChoice {
  // auto: the nearest manifest.schema.json above the manifest, as in the editor; a broken one falls
  // back to the bundled schema and the engine says so in a `schema-workspace-broken` warning.
  if (setting === undefined || setting === 'auto') return { setting: 'auto' };
  if (setting === 'bundled') return { setting: 'bundled' };
  // An explicit file is loaded once, up front: if it cannot be used, nothing is linted (exit 2)
  // rather than every manifest quietly falling back to another schema.
  const path = resolve(cwd, setting);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new CliError(`schema file not found: ${setting}`);
  if (stat.isDirectory()) throw new CliError(`cannot use --schema ${setting}: it is a folder, not a schema file`);
  try {
    return { setting: 'auto', fixed: loadSchemaFile(path) };
  } catch (error) {
    if (error instanceof SchemaLoadError) throw new CliError(`cannot use --schema ${setting}: ${oneLine(error.message)}`);
    throw error;
  }
}
