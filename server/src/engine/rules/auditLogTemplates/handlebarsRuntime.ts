// A Handlebars environment of its own with the helpers LaunchDarkly registers for templates, so that
// rendering here neither depends on nor changes the global Handlebars instance other modules use.
import Handlebars from 'handlebars';
import { base64Utf8 } from '../../base64';

type Options = Handlebars.HelperOptions;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `timestamp` (ms) shifted by `offsetSeconds`, as 'simple' ("2024-06-10 17:00:00") or RFC 3339. */
function formatWithOffset(milliseconds: unknown, offsetSeconds: unknown, format: unknown): string {
  const date = new Date(Number(milliseconds) + Number(offsetSeconds) * 1000);
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return format === 'simple' ? `${day} ${time}` : `${day}T${time}Z`;
}

/** A fresh Handlebars environment with LaunchDarkly's helpers (as the framework's tests register them). */
export function createLaunchDarklyRuntime(): typeof Handlebars {
  const runtime = Handlebars.create();
  const equal = function (this: unknown, left: unknown, right: unknown, options: Options) {
    return left === right ? options.fn(this) : options.inverse(this);
  };
  runtime.registerHelper('equal', equal);
  runtime.registerHelper('equalWithElse', equal);
  runtime.registerHelper('pathEncode', (value: unknown) => encodeURI(String(value)));
  runtime.registerHelper('queryEncode', (value: unknown) => encodeURIComponent(String(value)));
  runtime.registerHelper('basicAuthHeaderValue', (user: unknown, password: unknown) => `Basic ${base64Utf8(`${String(user)}:${String(password)}`)}`);
  runtime.registerHelper('formatWithOffset', formatWithOffset);
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
