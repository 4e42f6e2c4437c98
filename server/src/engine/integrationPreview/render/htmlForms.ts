// The configuration forms as HTML: each field drawn by its type with its label, help text, badges
// (required or optional, secret, hidden, locked after saving), its `dependsOn` entries and whether they
// hold, and its problems. A field the form does not show for the current values is drawn dimmed with
// the reason. In the editor the controls carry `data-form`/`data-key`, and changing one re-evaluates
// `dependsOn` through the language server.
import type { FieldModel, FormModel } from '../model';
import { located, problemBadge, problemList, textParts, type BodyOptions } from './htmlParts';
import { html } from './htmlText';

export function formsHtml(forms: readonly FormModel[], options: BodyOptions): string {
  if (forms.length === 0) {
    return '<section class="forms" aria-labelledby="forms-heading"><h2 id="forms-heading">Configuration</h2><p class="muted">The manifest declares no form variables: LaunchDarkly asks nothing when the integration is added.</p></section>';
  }
  return `<section class="forms" aria-labelledby="forms-heading"><h2 id="forms-heading">Configuration</h2>${forms.map((form, index) => formHtml(form, index, options)).join('')}</section>`;
}

function formHtml(form: FormModel, formIndex: number, options: BodyOptions): string {
  const fields = form.fields.map((field, index) => fieldHtml(form.id, field, `field-${formIndex}-${index}`, options)).join('');
  const omitted = form.omitted > 0 ? `<p class="muted">${form.omitted} more field${form.omitted === 1 ? '' : 's'} not shown.</p>` : '';
  const empty = form.fields.length === 0 && form.omitted === 0 ? '<p class="muted">No fields.</p>' : '';
  return `<section class="form" data-form="${html(form.id)}" aria-labelledby="form-${formIndex}"${located(form.at, options, form.title)}>
<h3 id="form-${formIndex}">${html(form.title)} <code class="path">${html(form.id)}</code>${problemBadge(form.at.problems)}</h3><p class="muted">${html(form.explanation)}</p>${problemList(form.at.problems, options)}${fields}${omitted}${empty}</section>`;
}

function fieldHtml(formId: string, field: FieldModel, id: string, options: BodyOptions): string {
  const classes = ['field', field.shown ? '' : 'not-shown'].filter(Boolean).join(' ');
  const hidden = field.shown ? '' : `<p class="not-shown-reason">Not shown now: ${html(field.hiddenBecause ?? '')}</p>`;
  const description = field.description.length > 0 ? `<p class="help" id="${id}-help">${textParts(field.description)}</p>` : '';
  return `<div class="${classes}"${located(field.at, options, field.name)}>
<div class="field-head">${field.control === 'multiselect' ? `<span class="label">${html(field.name)}</span>` : `<label for="${id}">${html(field.name)}</label>`}${field.required ? '<span class="required" aria-label="required">*</span>' : ''} <code class="key">${html(field.key)}</code>${problemBadge(field.at.problems)}</div>
${badges(field)}${control(formId, field, id, options)}${description}${dependsOnHtml(field)}${hidden}${problemList(field.at.problems, options)}</div>`;
}

function badges(field: FieldModel): string {
  const list = [
    field.type,
    field.required ? 'required' : 'optional',
    field.isSecret ? 'secret' : '',
    field.isHidden ? 'hidden' : '',
    field.disableAfterSaving ? 'locked after saving' : '',
    field.hideEmpty ? 'hidden when empty' : '',
    field.defaultText !== undefined ? `default: ${field.defaultText}` : '',
  ].filter(Boolean);
  return `<ul class="badges">${list.map((b) => `<li>${html(b)}</li>`).join('')}</ul>`;
}

/** The control of a field, as LaunchDarkly draws its type. */
function control(formId: string, field: FieldModel, id: string, options: BodyOptions): string {
  const data = ` id="${id}" data-form="${html(formId)}" data-key="${html(field.key)}"${field.description.length > 0 ? ` aria-describedby="${id}-help"` : ''}`;
  const placeholder = field.placeholder !== undefined ? ` placeholder="${html(field.placeholder)}"` : '';
  const live = options.interactive ? '' : ' disabled';
  const text = typeof field.value === 'string' ? field.value : '';
  switch (field.control) {
    case 'text':
    case 'url':
    case 'secret':
    case 'unknown': {
      const type = field.control === 'secret' ? 'password' : field.control === 'url' ? 'url' : 'text';
      return `<input type="${type}"${data}${placeholder} value="${html(text)}"${live}>${field.control === 'unknown' ? `<p class="muted">LaunchDarkly knows no field type "${html(field.type)}".</p>` : ''}`;
    }
    case 'checkbox':
      return `<input type="checkbox"${data}${field.value === true ? ' checked' : ''}${live}>`;
    case 'select': {
      const choices = field.options.map((o) => `<option value="${html(o.value)}"${o.value === text ? ' selected' : ''}>${html(o.label)}</option>`).join('');
      return `<select${data}${live}><option value=""${text === '' ? ' selected' : ''}>${html(field.placeholder ?? 'Select…')}</option>${choices}</select>`;
    }
    case 'multiselect': {
      const chosen = Array.isArray(field.value) ? field.value : [];
      const boxes = field.options.map((o, index) => {
        const box = `<input type="checkbox" id="${id}-${index}" data-form="${html(formId)}" data-key="${html(field.key)}" data-multi="${html(o.value)}"${chosen.includes(o.value) ? ' checked' : ''}${live}>`;
        return `<li>${box}<label for="${id}-${index}">${html(o.label)}</label></li>`;
      });
      return `<fieldset class="multiselect" id="${id}"><legend class="visually-hidden">${html(field.name)}</legend><ul>${boxes.join('')}</ul></fieldset>`;
    }
    case 'dynamicSelect':
      return `<select${data} disabled><option>Options loaded from ${html(field.optionsFrom ?? '')}</option></select>`;
    case 'environment':
      return `<select${data} disabled><option>A LaunchDarkly environment, picked when configured</option></select>`;
    case 'generated':
      return `<input type="text"${data} value="Generated by LaunchDarkly" readonly>`;
    case 'oauth':
      return `<button type="button"${data} disabled>Connect with OAuth</button>`;
    case 'publicKey':
      return `<textarea${data} rows="2" readonly>LaunchDarkly shows its public key here</textarea>`;
  }
}

function dependsOnHtml(field: FieldModel): string {
  if (field.dependsOn.length === 0) return '';
  const items = field.dependsOn.map((entry) => {
    const state = entry.holds ? 'holds now' : 'does not hold now';
    const form = entry.variableLocation === 'formVariables' ? '' : ` (${entry.variableLocation})`;
    return `<li class="${entry.holds ? 'holds' : 'does-not-hold'}">dependsOn${html(form)}: ${html(entry.description)}: <strong>${state}</strong></li>`;
  });
  return `<ul class="depends-on">${items.join('')}</ul>`;
}
