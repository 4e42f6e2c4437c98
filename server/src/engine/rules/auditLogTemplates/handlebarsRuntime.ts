// A Handlebars environment of its own with the helpers LaunchDarkly registers for templates, so that
// rendering here neither depends on nor changes the global Handlebars instance other modules use.
import Handlebars from 'handlebars';
import { basicAuthHeaderValue, formatWithOffset, pathEncode, queryEncode } from '../../templates/helperFunctions';

type Options = Handlebars.HelperOptions;

/** A fresh Handlebars environment with LaunchDarkly's helpers (as the framework's tests register them). */
export function createLaunchDarklyRuntime(): typeof Handlebars {
  const runtime = Handlebars.create();
  const equal = function (this: unknown, left: unknown, right: unknown, options: Options) {
    return left === right ? options.fn(this) : options.inverse(this);
  };
  runtime.registerHelper('equal', equal);
  runtime.registerHelper('equalWithElse', equal);
  runtime.registerHelper('pathEncode', (value: unknown) => pathEncode(String(value)));
  runtime.registerHelper('queryEncode', (value: unknown) => queryEncode(String(value)));
  runtime.registerHelper('basicAuthHeaderValue', (user: unknown, password: unknown) => basicAuthHeaderValue(String(user), String(password)));
  runtime.registerHelper('formatWithOffset', (ms: unknown, offset: unknown, unit: unknown) => formatWithOffset(ms, offset, unit) ?? '');
  return runtime;
}

let runtime: typeof Handlebars | undefined;

/**
 * Compiled templates by their text. Compiling generates JavaScript and costs far more than rendering;
 * a template file's text is its snapshot, so the same text compiles once however often it is checked.
 * Bounded: the oldest entry goes when it is full.
 */
const compiled = new Map<string, HandlebarsTemplateDelegate>();
const MAX_COMPILED = 256;

/** Compiles and renders `source` in strict mode (a missing field throws, as in LaunchDarkly's CI). */
export function renderStrict(source: string, context: unknown): string {
  runtime ??= createLaunchDarklyRuntime();
  let template = compiled.get(source);
  if (!template) {
    template = runtime.compile(source, { strict: true });
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(source, template);
  }
  return template(context);
}
