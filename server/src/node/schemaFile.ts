// A schema file named on the command line (`--schema FILE`), read within the same bounds as every
// other file and compiled by the engine.
import { pathToFileURL } from 'node:url';
import { compileSchema, SchemaLoadError, type SchemaContext } from '../engine/schema/schemaContext';
import { readBounded } from './nodeHost';

export function loadSchemaFile(path: string, kind: 'workspace' | 'file' = 'file'): SchemaContext {
  const read = readBounded(path);
  if (read.kind === 'missing') throw new SchemaLoadError(`cannot read schema ${path}: no such file`);
  if (read.kind === 'outside') throw new SchemaLoadError(`cannot read schema ${path}: it is outside the workspace`);
  if (read.kind === 'unreadable') throw new SchemaLoadError(`cannot read schema ${path}: ${read.reason}`);
  return compileSchema(read.text, pathToFileURL(path).href, kind);
}
