// The page's one style sheet. Colours come from VS Code's theme variables (`--vscode-*`, set on the
// webview's root for light, dark and high-contrast themes), with fallbacks for the page on its own,
// which follows the reader's `prefers-color-scheme`. No inline `style` attributes anywhere: the
// Content-Security-Policy admits this sheet by its nonce and nothing else.
export const PREVIEW_STYLES = `
:root {
  color-scheme: light dark;
  --ld-bg: var(--vscode-editor-background, #ffffff);
  --ld-fg: var(--vscode-editor-foreground, #1f2328);
  --ld-muted: var(--vscode-descriptionForeground, #59636e);
  --ld-border: var(--vscode-panel-border, #d1d9e0);
  --ld-surface: var(--vscode-sideBar-background, #f6f8fa);
  --ld-input-bg: var(--vscode-input-background, #ffffff);
  --ld-input-fg: var(--vscode-input-foreground, #1f2328);
  --ld-input-border: var(--vscode-input-border, #d1d9e0);
  --ld-link: var(--vscode-textLink-foreground, #0969da);
  --ld-focus: var(--vscode-focusBorder, #0969da);
  --ld-error: var(--vscode-editorError-foreground, #d1242f);
  --ld-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --ld-info: var(--vscode-editorInfo-foreground, #0969da);
  --ld-badge-bg: var(--vscode-badge-background, #e7ecf0);
  --ld-badge-fg: var(--vscode-badge-foreground, #1f2328);
  --ld-code-bg: var(--vscode-textCodeBlock-background, #f6f8fa);
  --ld-button-bg: var(--vscode-button-background, #0969da);
  --ld-button-fg: var(--vscode-button-foreground, #ffffff);
  --ld-button-hover: var(--vscode-button-hoverBackground, #0860ca);
  --ld-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --ld-mono: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
}
@media (prefers-color-scheme: dark) {
  :root {
    --ld-bg: var(--vscode-editor-background, #0d1117);
    --ld-fg: var(--vscode-editor-foreground, #e6edf3);
    --ld-muted: var(--vscode-descriptionForeground, #9198a1);
    --ld-border: var(--vscode-panel-border, #3d444d);
    --ld-surface: var(--vscode-sideBar-background, #151b23);
    --ld-input-bg: var(--vscode-input-background, #0d1117);
    --ld-input-fg: var(--vscode-input-foreground, #e6edf3);
    --ld-input-border: var(--vscode-input-border, #3d444d);
    --ld-link: var(--vscode-textLink-foreground, #4493f8);
    --ld-focus: var(--vscode-focusBorder, #4493f8);
    --ld-error: var(--vscode-editorError-foreground, #f85149);
    --ld-warning: var(--vscode-editorWarning-foreground, #d29922);
    --ld-info: var(--vscode-editorInfo-foreground, #4493f8);
    --ld-badge-bg: var(--vscode-badge-background, #2f3742);
    --ld-badge-fg: var(--vscode-badge-foreground, #e6edf3);
    --ld-code-bg: var(--vscode-textCodeBlock-background, #151b23);
  }
}
body.vscode-high-contrast, body.vscode-high-contrast-light { --ld-border: var(--vscode-contrastBorder, currentColor); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--ld-bg); color: var(--ld-fg); font-family: var(--ld-font); font-size: var(--vscode-font-size, 14px); line-height: 1.45; }
main { max-width: 980px; margin: 0 auto; padding: 12px 20px 40px; }
h1 { font-size: 1.35em; margin: 0.4em 0; }
h2 { font-size: 1.15em; margin: 1.6em 0 0.6em; padding-bottom: 4px; border-bottom: 1px solid var(--ld-border); }
h3 { font-size: 1.05em; margin: 1em 0 0.4em; }
h4 { font-size: 1em; margin: 0 0 4px; }
a { color: var(--ld-link); }
code, pre { font-family: var(--ld-mono); font-size: 0.92em; }
.muted, .source, figcaption, .help, .explanation { color: var(--ld-muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; padding: 8px 0; border-bottom: 1px solid var(--ld-border); }
.toolbar .counts { color: var(--ld-muted); }
button.primary { background: var(--ld-button-bg); color: var(--ld-button-fg); border: 1px solid var(--ld-border); border-radius: 2px; padding: 5px 12px; font: inherit; cursor: pointer; }
button.primary:hover { background: var(--ld-button-hover); }
[data-range][tabindex] { cursor: pointer; border-radius: 3px; }
[data-range][tabindex]:hover { outline: 1px dashed var(--ld-focus); outline-offset: 2px; }
:focus-visible { outline: 2px solid var(--ld-focus); outline-offset: 2px; }
.card { display: flex; gap: 20px; padding: 16px; border: 1px solid var(--ld-border); border-radius: 8px; background: var(--ld-surface); }
.icons { display: flex; flex-direction: column; gap: 12px; min-width: 140px; }
.icon { margin: 0; }
.icon img { display: block; background: #ffffff; border: 1px solid var(--ld-border); border-radius: 6px; padding: 6px; }
.icon-square { width: 72px; height: 72px; object-fit: contain; }
.icon-horizontal { width: 180px; height: 56px; object-fit: contain; }
.icon-missing { width: 140px; min-height: 56px; padding: 6px; border: 1px dashed var(--ld-error); color: var(--ld-error); font-size: 0.85em; }
.removed { color: var(--ld-warning); font-size: 0.85em; margin: 4px 0 0; max-width: 180px; }
figcaption { font-size: 0.8em; margin-top: 2px; }
.card-text { flex: 1; min-width: 0; }
.name { font-size: 1.3em; margin: 0 0 4px; }
.overview p { font-weight: 600; margin: 0 0 6px; }
.description p, .details p { margin: 0 0 8px; white-space: pre-wrap; }
.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 6px 0; }
.chip { background: var(--ld-badge-bg); color: var(--ld-badge-fg); border-radius: 10px; padding: 1px 9px; font-size: 0.85em; }
.links { list-style: none; padding: 0; margin: 8px 0 0; }
.links li { margin: 2px 0; overflow-wrap: anywhere; }
.link-name { color: var(--ld-muted); display: inline-block; min-width: 120px; }
.unsafe-url { color: var(--ld-error); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px 16px; margin: 12px 0 0; }
.facts dt { color: var(--ld-muted); font-size: 0.85em; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.form { border: 1px solid var(--ld-border); border-radius: 8px; padding: 4px 16px 12px; margin: 12px 0; }
.path, .key { color: var(--ld-muted); font-weight: normal; }
.field { padding: 10px 0; border-top: 1px solid var(--ld-border); }
.field.not-shown { opacity: 0.6; }
.field-head label, .field-head .label { font-weight: 600; }
.required { color: var(--ld-error); margin-left: 2px; }
.badges { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin: 4px 0 6px; }
.badges li { font-size: 0.78em; border: 1px solid var(--ld-border); border-radius: 3px; padding: 0 5px; color: var(--ld-muted); }
input[type=text], input[type=url], input[type=password], select, textarea { width: 100%; max-width: 520px; background: var(--ld-input-bg); color: var(--ld-input-fg); border: 1px solid var(--ld-input-border); border-radius: 2px; padding: 4px 6px; font: inherit; }
.multiselect { border: 0; padding: 0; margin: 0; }
.multiselect ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.help { margin: 4px 0 0; font-size: 0.9em; }
.depends-on { margin: 6px 0 0; padding-left: 18px; font-size: 0.88em; }
.depends-on .holds strong { color: var(--ld-info); }
.depends-on .does-not-hold strong { color: var(--ld-warning); }
.not-shown-reason { font-size: 0.88em; color: var(--ld-warning); margin: 4px 0 0; }
.rendering { border: 1px solid var(--ld-border); border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
.source { margin: 0 0 6px; font-size: 0.88em; }
pre.output { background: var(--ld-code-bg); padding: 8px 10px; border-radius: 4px; overflow: auto; max-height: 420px; margin: 0; white-space: pre; }
.event-picker select { width: auto; }
.problems { list-style: none; padding: 0; margin: 6px 0 0; }
.problem { padding: 3px 8px; margin: 3px 0; border-left: 3px solid var(--ld-info); background: var(--ld-code-bg); font-size: 0.9em; overflow-wrap: anywhere; }
.problem.error { border-left-color: var(--ld-error); }
.problem.warning { border-left-color: var(--ld-warning); }
.severity { font-weight: 600; text-transform: uppercase; font-size: 0.75em; margin-right: 4px; }
.problem.error .severity { color: var(--ld-error); }
.problem.warning .severity { color: var(--ld-warning); }
.badge { font-size: 0.72em; font-weight: 600; border-radius: 8px; padding: 0 6px; margin-left: 6px; vertical-align: middle; color: var(--ld-bg); background: var(--ld-info); }
.badge.error { background: var(--ld-error); }
.badge.warning { background: var(--ld-warning); }
.unreadable { color: var(--ld-error); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 640px) { .card { flex-direction: column; } }
`;
