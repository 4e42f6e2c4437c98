// The --help text of `ld-manifest configs`: the command's reference, exit statuses included.

export const CONFIGS_SUMMARY = "list, create, read, update, validate and delete the manifest's store configurations in LaunchDarkly";

export const CONFIGS_HELP = `usage: ld-manifest configs <subcommand> MANIFEST [options]

The manifest's featureStore (delivery configurations) or bigSegmentStore (persistent store
integrations) configurations in LaunchDarkly, for the integration named by the manifest's folder
(integrations/<key>/manifest.json). The config is the manifest's form variables: a featureStore's
own, a bigSegmentStore's top-level ones.

subcommands:
  list MANIFEST                      the integration's configurations, in every project and
                                     environment the token can see unless --project/--environment
                                     narrow it
  create MANIFEST --project P --environment E
                                     create one; prints it (secrets masked) and, for a persistent
                                     store, its sync status
  get MANIFEST --project P --environment E --id ID
                                     one configuration, with a persistent store's sync status
  update MANIFEST --project P --environment E --id ID
                                     change values, name, tags or on/off (a JSON Patch that first
                                     tests the version it read, so a concurrent change is not lost)
  validate MANIFEST --project P --environment E --id ID
                                     featureStore only: LaunchDarkly sends the manifest's
                                     validationRequest with the saved config; prints what it got
  delete MANIFEST --project P --environment E --id ID
                                     asks for confirmation on a terminal; --yes skips it and is
                                     required when standard input is not a terminal

options:
  --project KEY, --environment KEY   where the configuration lives
  --id ID                            the configuration's id (its _id)
  --var key=value                    a config value (repeatable); also LD_VAR_<key>, --vars-file
  --vars-file FILE                   a JSON object of config values (booleans and lists as JSON)
  --name TEXT, --tag TAG (repeatable or comma-separated), --on / --off
  --format text|json                 output (default text)
  --base-uri URI                     the instance: https://app.launchdarkly.com (default),
                                     https://app.eu.launchdarkly.com, https://app.launchdarkly.us,
                                     or the words commercial, eu, federal; also LD_BASE_URI.
                                     http: only for localhost
  --kind featureStore|bigSegmentStore  which capability, for a manifest that declares both
  --timeout S                        seconds per call (default 30)
  --ca-file FILE                     also trust this CA (PEM); certificates are always verified
  --yes                              delete without asking
  -h, --help                         this help

environment:
  LD_ACCESS_TOKEN   a personal or service access token (api-…); required, never printed
  LD_BASE_URI       the instance, when --base-uri is not given
  LD_VAR_<key>      a config value; give secrets this way (a --var shows in the process list)

Values are checked against the manifest's form variables before anything is sent: an unknown key,
a wrong type, a value outside allowedValues, a missing required value, a generated variable (made by
LaunchDarkly) or one its dependsOn leaves unused is bad usage. Optional variables not given take
their defaultValue. Secret values are never printed, whether or not LaunchDarkly echoes them.
A rate limit (429) is waited out up to 3 times, each wait said on standard error.

exit: 0 done (validate: LaunchDarkly's validation passed), 1 LaunchDarkly refused or could not be
reached (its code and message on one line), validate failed, or delete was not confirmed;
2 bad usage (one line, nothing sent)
`;
