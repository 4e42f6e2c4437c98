// How a store configuration shows in the view: label, description, icon and tooltip, from what
// LaunchDarkly answered. No vscode import: unit-tested. Names and tags are LaunchDarkly's text: the
// tooltip is Markdown, so they are escaped there.
import type { StoreConfiguration } from '../../../server/src/launchdarkly/responses';

export function configurationLabel(c: StoreConfiguration): string {
  return c.name || c.id;
}

export function configurationDescription(c: StoreConfiguration): string {
  return `${c.projectKey}/${c.environmentKey} · ${c.on ? 'on' : 'off'} · v${c.version}${c.tags.length > 0 ? ` · ${c.tags.join(', ')}` : ''}`;
}

/** A codicon id: a persistent store by its sync status, a delivery configuration by on/off. */
export function configurationIcon(c: StoreConfiguration): string {
  if (!c.status) return c.on ? 'circle-filled' : 'circle-outline';
  if (c.status.available === false || c.status.errors.length > 0) return 'error';
  if (c.status.potentiallyStale) return 'warning';
  return c.status.available ? 'pass' : 'question';
}

export function configurationTooltip(c: StoreConfiguration): string {
  const at = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString());
  const lines = [
    `**${markdownEscaped(configurationLabel(c))}** (${markdownEscaped(c.id)})`,
    '',
    `${markdownEscaped(c.projectKey)}/${markdownEscaped(c.environmentKey)}, ${c.on ? 'on' : 'off'}, version ${c.version}`,
  ];
  if (c.tags.length > 0) lines.push('', `Tags: ${c.tags.map(markdownEscaped).join(', ')}`);
  if (c.status) {
    const state = c.status.available === undefined ? 'unknown' : c.status.available ? 'available' : 'unavailable';
    lines.push('', `Status: ${state}${c.status.potentiallyStale ? ', potentially stale' : ''}`, '', `Last sync: ${at(c.status.lastSync)}`, '', `Last error: ${at(c.status.lastError)}`);
    for (const e of c.status.errors) lines.push('', `- ${e.statusCode ?? '?'} at ${at(e.timestamp)}: ${markdownEscaped(e.message ?? '')}`);
  }
  return lines.join('\n');
}

/** Markdown's punctuation escaped, so a name cannot make a link or a command. */
export function markdownEscaped(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/**
 * LaunchDarkly's page of the integration, where its configurations are listed: the UI lives on the
 * same origin as the API.
 */
export function integrationPage(baseUri: string, integrationKey: string): string {
  return `${baseUri}/settings/integrations/${encodeURIComponent(integrationKey)}`;
}
