// The card as HTML: the icons (sanitised SVG in `<img src="data:…">`, which never runs script), the
// name, overview, description, categories, links and the facts beside them.
import type { CardIcon, CardModel, LocatedText } from '../model';
import { located, problemBadge, problemList, textParts, type BodyOptions } from './htmlParts';
import { html } from './htmlText';

export function cardHtml(card: CardModel, options: BodyOptions): string {
  const name = card.name?.text ?? '(no name)';
  const out = ['<section class="card-section" aria-labelledby="card-heading"><h2 id="card-heading">Integration card</h2><div class="card">'];
  out.push(`<div class="icons">${card.icons.map((icon) => iconHtml(icon, name, options)).join('')}</div>`);
  out.push('<div class="card-text">');
  out.push(card.name ? `<h3 class="name"${located(card.name.at, options, 'name')}>${html(card.name.text)}${problemBadge(card.name.at.problems)}</h3>${problemList(card.name.at.problems, options)}` : '<h3 class="name missing">(no name)</h3>');
  if (card.overview) out.push(textBlock('overview', card.overview, options));
  if (card.description) {
    const at = card.description.at;
    out.push(`<div class="description"${located(at, options, 'description')}><p>${textParts(card.description.parts)}</p>${problemList(at.problems, options)}</div>`);
  }
  if (card.categories.length > 0) out.push(`<ul class="chips" aria-label="Categories">${card.categories.map((c) => chip(c, options)).join('')}</ul>`);
  if (card.links.length > 0) {
    const links = card.links.map((link) => {
      const shown = link.safe ? `<a href="${html(link.url)}" rel="noopener noreferrer">${html(link.url)}</a>` : `<span class="unsafe-url">${html(link.url)}</span>`;
      return `<li${located(link.at, options, link.name)}><span class="link-name">${html(link.name)}</span> ${shown}${problemList(link.at.problems, options)}</li>`;
    });
    out.push(`<ul class="links" aria-label="Links">${links.join('')}</ul>`);
  }
  out.push('</div></div>');
  out.push(factsHtml(card, options));
  if (card.details) out.push(`<div class="details"${located(card.details.at, options, 'details')}><h3>Details</h3><p>${textParts(card.details.parts)}</p>${problemList(card.details.at.problems, options)}</div>`);
  out.push('</section>');
  return out.join('');
}

function iconHtml(icon: CardIcon, name: string, options: BodyOptions): string {
  const picture = icon.dataUri
    ? `<img class="icon-${icon.which === 'square' ? 'square' : 'horizontal'}" src="${html(icon.dataUri)}" alt="${html(`${name}, ${icon.which} icon`)}">`
    : `<div class="icon-missing" role="img" aria-label="${html(`${icon.which} icon not shown`)}">${html(icon.unavailable ?? 'not shown')}</div>`;
  const removed = icon.removed.length > 0 ? `<p class="removed">Removed for the preview: ${html(icon.removed.join('; '))}</p>` : '';
  return `<figure class="icon"${located(icon.at, options, `${icon.which} icon`)}>${picture}<figcaption>${html(icon.which)} · <code>${html(icon.file)}</code></figcaption>${removed}${problemList(icon.at.problems, options)}</figure>`;
}

function textBlock(kind: string, text: LocatedText, options: BodyOptions): string {
  return `<div class="${kind}"${located(text.at, options, kind)}><p>${html(text.text)}</p>${problemList(text.at.problems, options)}</div>`;
}

function chip(text: LocatedText, options: BodyOptions): string {
  return `<li class="chip"${located(text.at, options, text.text)}>${html(text.text)}${problemBadge(text.at.problems)}</li>`;
}

function factsHtml(card: CardModel, options: BodyOptions): string {
  const facts: string[] = [];
  const fact = (label: string, text: LocatedText | undefined) => {
    if (text) facts.push(`<div${located(text.at, options, label)}><dt>${label}</dt><dd>${html(text.text)}${problemList(text.at.problems, options)}</dd></div>`);
  };
  fact('Version', card.version);
  fact('Author', card.author);
  fact('Support', card.supportEmail);
  if (card.capabilities.length > 0) {
    facts.push(`<div><dt>Capabilities</dt><dd><ul class="chips">${card.capabilities.map((c) => chip(c, options)).join('')}</ul></dd></div>`);
  }
  const flags = [card.requiresOAuth ? 'requires OAuth' : '', card.hiddenOnIntegrationsPage ? 'hidden on the integrations page' : ''].filter(Boolean);
  if (flags.length > 0) facts.push(`<div><dt>Notes</dt><dd>${html(flags.join('; '))}</dd></div>`);
  return facts.length > 0 ? `<dl class="facts">${facts.join('')}</dl>` : '';
}
