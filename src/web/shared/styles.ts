// The pages' one stylesheet. Theme through CSS custom properties (they cross the widget's
// shadow boundary): --pitlane-accent, --pitlane-accent-text, --pitlane-bg, --pitlane-text,
// --pitlane-muted, --pitlane-border, --pitlane-font, --pitlane-radius. The defaults keep
// WCAG AA contrast (accent #0b57d0 on white 6.2:1, muted #4d4d4d 8.6:1, error #b3261e 6.5:1);
// `theme="dark"` switches the defaults, a dealer's own values still win.

export const CSS = `
:host, .pl-root {
  --_accent: var(--pitlane-accent, #0b57d0);
  --_accent-text: var(--pitlane-accent-text, #ffffff);
  --_bg: var(--pitlane-bg, #ffffff);
  --_text: var(--pitlane-text, #1c1c1c);
  --_muted: var(--pitlane-muted, #4d4d4d);
  --_border: var(--pitlane-border, #767676);
  --_error: var(--pitlane-error, #b3261e);
  --_quiet: var(--pitlane-quiet, #146c2e);
  --_radius: var(--pitlane-radius, 8px);
  display: block;
  font-family: var(--pitlane-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: 16px;
  line-height: 1.5;
  color: var(--_text);
  background: var(--_bg);
}
:host([theme="dark"]), .pl-root.pl-dark {
  --_accent: var(--pitlane-accent, #a8c7fa);
  --_accent-text: var(--pitlane-accent-text, #0b1d3a);
  --_bg: var(--pitlane-bg, #1b1b1f);
  --_text: var(--pitlane-text, #f1f1f1);
  --_muted: var(--pitlane-muted, #c4c4c4);
  --_border: var(--pitlane-border, #9a9a9a);
  --_error: var(--pitlane-error, #ffb4ab);
  --_quiet: var(--pitlane-quiet, #8fd9a0);
}
* { box-sizing: border-box; }
/* A container: the recap stacks by the box's width, not the window's (the widget may sit in a narrow column of a wide page). */
.pl-box { max-width: 40rem; padding: 1rem; container-type: inline-size; }
h2, h3 { line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; }
h3 { font-size: 1.1rem; }
h1:focus, h2:focus, h3:focus { outline: none; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
p { margin: 0.4rem 0; }
.pl-muted { color: var(--_muted); }
.pl-steps { color: var(--_muted); font-size: 0.9rem; margin: 0; }
fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); margin: 0 0 1rem; padding: 0.5rem 1rem 0.75rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { display: block; margin: 0.35rem 0; }
.pl-check { display: flex; gap: 0.5rem; align-items: flex-start; }
.pl-check input { margin-top: 0.3rem; width: 1.1rem; height: 1.1rem; }
.pl-field { margin: 0 0 0.9rem; }
.pl-field > label { font-weight: 600; margin-bottom: 0.2rem; }
input[type="text"], input[type="email"], input[type="tel"], select, textarea {
  width: 100%; font: inherit; color: var(--_text); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.6rem;
}
textarea { min-height: 5rem; resize: vertical; }
.pl-hint { color: var(--_muted); font-size: 0.9rem; }
button, .pl-button {
  font: inherit; cursor: pointer; border-radius: var(--_radius); padding: 0.55rem 1.1rem;
  border: 2px solid var(--_accent); background: var(--_accent); color: var(--_accent-text);
  text-decoration: none; display: inline-block; min-height: 44px;
}
button.pl-secondary, .pl-button.pl-secondary { background: transparent; color: var(--_accent); }
button[disabled], button[aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
a { color: var(--_accent); }
.pl-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
.pl-error { color: var(--_error); border: 2px solid var(--_error); border-radius: var(--_radius); padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.pl-note { border-left: 4px solid var(--_accent); padding: 0.25rem 0.75rem; margin: 0.75rem 0; }
.pl-quiet { color: var(--_quiet); font-weight: 600; }
.pl-times { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.pl-time { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.35rem 0.7rem; margin: 0; display: flex; gap: 0.4rem; align-items: center; }
.pl-time:has(input:checked) { border: 2px solid var(--_accent); }
.pl-recap { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.pl-recap dt { font-weight: 600; }
.pl-recap dd { margin: 0; overflow-wrap: anywhere; }
/* On a phone (320px) the labels' column left the values too little room: they ran off the screen (WCAG 1.4.10 reflow). */
@container (max-width: 30rem) {
  .pl-recap { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .pl-recap dd { margin-bottom: 0.5rem; }
}
.pl-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
dialog { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 1rem; color: var(--_text); background: var(--_bg); max-width: 24rem; }
dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
.pl-cal-head { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; }
.pl-cal-head h2 { font-size: 1.1rem; margin: 0; text-transform: capitalize; }
.pl-cal-head button { padding: 0.3rem 0.7rem; }
table.pl-grid { border-collapse: collapse; margin: 0.75rem 0; }
.pl-grid th { font-size: 0.85rem; color: var(--_muted); font-weight: 600; padding: 0.2rem; }
.pl-grid td { padding: 0; text-align: center; width: 2.6rem; height: 2.6rem; border-radius: var(--_radius); border: 1px solid transparent; }
.pl-grid td[data-date] { cursor: pointer; }
.pl-grid td.pl-free { border-color: var(--_border); font-weight: 700; }
.pl-grid td.pl-free-quiet { border-color: var(--_quiet); border-width: 2px; }
.pl-grid td.pl-full { color: var(--_muted); text-decoration: line-through; cursor: default; }
.pl-grid td.pl-off { color: var(--_muted); cursor: default; }
.pl-grid td[aria-selected="true"] { background: var(--_accent); color: var(--_accent-text); text-decoration: none; }
.pl-grid td:focus-visible, .pl-grid td:focus { outline: 3px solid var(--_accent); outline-offset: 1px; }
`;

/** Adopts the stylesheet into a shadow root or the document (no <style>: strict CSPs). */
export function adoptStyles(root: ShadowRoot | Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
