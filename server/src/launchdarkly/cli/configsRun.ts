// Runs one `ld-manifest configs` subcommand: reads the manifest's store capability, checks the
// values against its form variables (nothing is sent when they are wrong), calls LaunchDarkly and
// prints the result. Never touches `process`: the environment and the terminal come through `io`.
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../../package.json';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, oneLine } from '../../cli/cliError';
import type { CliIo } from '../../cli/io';
import { visible } from '../../engine/excerpt';
import { parseManifest } from '../../engine/manifestDocument';
import { ownValue } from '../../engine/ownRecord';
import { readManifestText } from '../../cli/readManifestText';
import { SecretMasker } from '../../request/secretMasker';
import { describeRef, LaunchDarklyClient, userAgent, type ApiFailure, type ApiResult } from '../apiClient';
import { resolveBaseUri } from '../instances';
import { buildPatch, changesSomething } from '../jsonPatch';
import type { ConfigurationRef } from '../routes';
import { validationSucceeded } from '../responses';
import { storeCapability, type StoreCapability } from '../storeCapability';
import { buildConfig, isGenerated } from '../storeConfig';
import { CONFIGS_HELP } from './configsHelp';
import { readCaFile, readVarsFile } from '../../cli/inputFiles';
import { parseConfigsArgs, type ConfigsOptions } from './configsOptions';
import { configurationReport, configurationsReport, deletedReport, validationReport, type ReportContext } from './configsReport';
import type { Terminal } from './terminal';
import { sendRequest } from '../../request/send';

export interface ConfigsIo extends CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly terminal: Terminal;
}

/** The product name LaunchDarkly sees in User-Agent. */
export const CLI_PRODUCT = 'ld-manifest';

export async function runConfigsCommand(args: readonly string[], io: ConfigsIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.err(`ld-manifest: configs: ${visible(oneLine(message))}\n`);
    return EXIT_USAGE;
  }
}

/** Everything a subcommand needs once the usage has been checked. */
interface Session {
  readonly options: ConfigsOptions;
  readonly io: ConfigsIo;
  readonly capability: StoreCapability;
  readonly client: LaunchDarklyClient;
  readonly token: string;
  /** Secret values known to this run: given, or read back from LaunchDarkly. All are masked. */
  readonly secrets: string[];
  readonly secretKeys: ReadonlySet<string>;
  /** Config values given (create, update): --var, LD_VAR_<key>, --vars-file. */
  readonly given: ReadonlyMap<string, unknown>;
}

async function run(args: readonly string[], io: ConfigsIo): Promise<number> {
  const options = parseConfigsArgs(args);
  if (options.help) {
    io.out(CONFIGS_HELP);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, options.manifest);
  const doc = parseManifest(pathToFileURL(path).href, readManifestText(path, options.manifest));
  const found = storeCapability(doc, options.kind);
  if (!found.ok) throw new CliError(`${relative(io.cwd, path) || path}: ${found.problem}`);
  const capability = found.capability;
  if (options.subcommand === 'validate' && capability.kind !== 'featureStore') {
    throw new CliError("validate is for featureStore delivery configurations; a persistent store reports its sync status: use 'configs get'");
  }
  const token = ownValue(io.env, 'LD_ACCESS_TOKEN')?.trim();
  if (!token) throw new CliError('set LD_ACCESS_TOKEN to a LaunchDarkly access token (a personal or service token, api-…); it is read from the environment only');
  const base = resolveBaseUri(options.baseUri ?? ownValue(io.env, 'LD_BASE_URI'));
  if (!base.ok) throw new CliError(`${options.baseUri !== undefined ? '--base-uri' : 'LD_BASE_URI'}: ${base.problem}`);
  const secretKeys = new Set(capability.variables.filter((v) => v.isSecret).map((v) => v.key));
  const given = options.subcommand === 'create' || options.subcommand === 'update' ? gatherValues(options, io, capability) : new Map<string, unknown>();
  // Known before the first call, so that even LaunchDarkly's own words are masked (or withheld when a
  // secret is too short to mask): secrets given, and those in the environment whether sent or not.
  const secrets = [...secretKeys].flatMap((key) => {
    const values = [ownValue(io.env, `LD_VAR_${key}`), given.get(key)];
    return values.filter((v): v is string => typeof v === 'string' && v !== '');
  });
  const client = new LaunchDarklyClient({
    baseUri: base.baseUri,
    token,
    send: sendRequest,
    userAgent: userAgent(CLI_PRODUCT, version),
    tokenSource: 'LD_ACCESS_TOKEN',
    secrets,
    timeoutMs: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
    extraCa: options.caFile === undefined ? undefined : readCaFile(resolve(io.cwd, options.caFile), options.caFile),
    onRateLimit: (wait) => io.err(`ld-manifest: configs: LaunchDarkly is limiting the rate of calls; retrying in ${Math.ceil(wait.waitMs / 1000)} s (retry ${wait.retry} of ${wait.maxRetries})\n`),
  });
  const session: Session = { options, io, capability, client, token, secrets, secretKeys, given };
  switch (options.subcommand) {
    case 'list':
      return list(session);
    case 'create':
      return create(session);
    case 'get':
      return get(session);
    case 'update':
      return update(session);
    case 'validate':
      return validate(session);
    case 'delete':
      return remove(session);
  }
}

function refOf(session: Session): ConfigurationRef {
  const { options, capability } = session;
  return { kind: capability.kind, projectKey: options.project!, environmentKey: options.environment!, integrationKey: capability.integrationKey, id: options.id! };
}

function report(session: Session): ReportContext {
  return { kind: session.capability.kind, secretKeys: session.secretKeys, masker: new SecretMasker([session.token, ...session.secrets]), format: session.options.format };
}

/** Prints an API failure in one line and returns exit 1. */
function failed(session: Session, failure: ApiFailure): number {
  const masker = new SecretMasker([session.token, ...session.secrets]);
  session.io.err(`ld-manifest: configs ${session.options.subcommand}: ${visible(oneLine(masker.mask(failure.message)))}\n`);
  return EXIT_PROBLEMS;
}

/** Secret values LaunchDarkly sent back in a config: masked from now on. */
function learnSecrets(session: Session, config: Readonly<Record<string, unknown>>): void {
  for (const key of session.secretKeys) {
    const value = ownValue(config, key);
    if (typeof value === 'string' && value !== '') session.secrets.push(value);
  }
}

async function list(session: Session): Promise<number> {
  const { options, capability } = session;
  const listed = await session.client.listConfigurations(capability.kind, { integrationKey: capability.integrationKey, projectKey: options.project, environmentKey: options.environment });
  if (!listed.ok) return failed(session, listed.failure);
  for (const c of listed.value) learnSecrets(session, c.config);
  session.io.out(configurationsReport(listed.value, report(session), capability.integrationKey));
  return EXIT_OK;
}

async function create(session: Session): Promise<number> {
  const { options, capability } = session;
  const built = buildConfig(capability.variables, session.given, { mode: 'create' });
  if (!built.ok) throw new CliError(`${built.problems.join('; ')} (nothing was sent)`);
  session.secrets.push(...built.secretValues);
  const at = { kind: capability.kind, projectKey: options.project!, environmentKey: options.environment!, integrationKey: capability.integrationKey };
  const body = { config: built.config, ...(options.name !== undefined ? { name: options.name } : {}), ...(options.tags ? { tags: options.tags } : {}), ...(options.on !== undefined ? { on: options.on } : {}) };
  let created = await session.client.createConfiguration(at, body, session.secretKeys);
  // A persistent store's answer should carry its `_status`; read it back when it does not.
  if (created.ok && capability.kind === 'bigSegmentStore' && !created.value.status) created = await session.client.getConfiguration({ ...at, id: created.value.id });
  if (!created.ok) return failed(session, created.failure);
  learnSecrets(session, created.value.config);
  session.io.out(configurationReport(created.value, report(session), 'Created'));
  return EXIT_OK;
}

async function get(session: Session): Promise<number> {
  const got = await session.client.getConfiguration(refOf(session));
  if (!got.ok) return failed(session, got.failure);
  learnSecrets(session, got.value.config);
  session.io.out(configurationReport(got.value, report(session), ''));
  return EXIT_OK;
}

async function update(session: Session): Promise<number> {
  const { options, capability } = session;
  const given = session.given;
  const nothing = given.size === 0 && options.name === undefined && options.tags === undefined && options.on === undefined;
  if (nothing) throw new CliError('configs update needs something to change: --var, --vars-file, LD_VAR_<key>, --name, --tag, --on or --off');
  // Checked before the read as well as after it: a wrong key or type is bad usage, and nothing is sent.
  const early = buildConfig(capability.variables, given, { mode: 'update' });
  if (!early.ok) throw new CliError(`${early.problems.join('; ')} (nothing was sent)`);
  const ref = refOf(session);
  const current = await session.client.getConfiguration(ref);
  if (!current.ok) return failed(session, current.failure);
  learnSecrets(session, current.value.config);
  const built = buildConfig(capability.variables, given, { mode: 'update', current: current.value.config });
  if (!built.ok) throw new CliError(`${built.problems.join('; ')} (nothing was changed)`);
  session.secrets.push(...built.secretValues);
  const patch = buildPatch({ on: options.on, name: options.name, tags: options.tags, config: given.size > 0 ? built.config : undefined }, current.value.version);
  if (!changesSomething(patch)) throw new CliError('nothing to change');
  const updated = await session.client.updateConfiguration(ref, patch, session.secretKeys);
  if (!updated.ok) return failed(session, updated.failure);
  learnSecrets(session, updated.value.config);
  session.io.out(configurationReport(updated.value, report(session), 'Updated'));
  return EXIT_OK;
}

async function validate(session: Session): Promise<number> {
  const ref = { ...refOf(session), kind: 'featureStore' as const };
  // Read first: it names a missing configuration plainly, and the saved secrets become masked.
  const current = await session.client.getConfiguration(ref);
  if (!current.ok) return failed(session, current.failure);
  learnSecrets(session, current.value.config);
  const validated = await session.client.validateDeliveryConfiguration(ref);
  if (!validated.ok) return failed(session, validated.failure);
  session.io.out(validationReport(validated.value, report(session), describeRef(ref)));
  return validationSucceeded(validated.value) ? EXIT_OK : EXIT_PROBLEMS;
}

async function remove(session: Session): Promise<number> {
  const { options, io } = session;
  const ref = refOf(session);
  const subject = describeRef(ref);
  if (!options.yes) {
    if (!io.terminal.interactive) throw new CliError('configs delete asks for confirmation, and standard input is not a terminal: add --yes to delete without asking');
    if (!(await io.terminal.confirm(`Delete ${visible(subject)} in LaunchDarkly? [y/N] `))) {
      io.err('ld-manifest: configs delete: not confirmed; nothing was deleted\n');
      return EXIT_PROBLEMS;
    }
  }
  const deleted: ApiResult<null> = await session.client.deleteConfiguration(ref);
  if (!deleted.ok) return failed(session, deleted.failure);
  io.out(deletedReport(subject, report(session)));
  return EXIT_OK;
}

/** --var, then LD_VAR_<key>, then --vars-file: only the values given, typed as given (text or JSON). */
function gatherValues(options: ConfigsOptions, io: ConfigsIo, capability: StoreCapability): Map<string, unknown> {
  const given = new Map<string, unknown>(options.vars);
  for (const variable of capability.variables) {
    if (isGenerated(variable) || given.has(variable.key)) continue;
    // An empty variable is an unset one (`LD_VAR_x= ld-manifest …`), not a value that clears `x`.
    const fromEnv = ownValue(io.env, `LD_VAR_${variable.key}`);
    if (fromEnv !== undefined && fromEnv !== '') given.set(variable.key, fromEnv);
  }
  if (options.varsFile !== undefined) {
    for (const [key, value] of readVarsFile(resolve(io.cwd, options.varsFile), options.varsFile)) if (!given.has(key)) given.set(key, value);
  }
  for (const variable of capability.variables) {
    if (variable.isSecret && options.vars.has(variable.key)) {
      io.err(`ld-manifest: note: the secret '${variable.key}' was given with --var, which other users of this machine can see; prefer LD_VAR_${variable.key}\n`);
    }
  }
  return given;
}
