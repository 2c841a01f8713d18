// The API reference, built in the page from custom-elements.json (text only: descriptions never become HTML).
import manifest from '../custom-elements.json';

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  attribute?: string;
  fieldName?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  inheritedFrom?: { name: string };
}
interface Declaration {
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
const code = (text: string) => el('code', text);

/** Description text with `backticks` shown as code, built from text nodes only. */
function prose(text = ''): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((piece) => fragment.append(piece.startsWith('`') && piece.endsWith('`') ? code(piece.slice(1, -1)) : piece));
  return fragment;
}

function table(caption: string, headers: string[], rows: Array<Array<Node | string>>): HTMLElement {
  const wrap = el('div');
  wrap.append(el('h3', caption));
  // Explicit roles: on a phone the rows are laid out as cards (display: block), which drops the implicit ones in some browsers.
  const t = el('table');
  t.setAttribute('role', 'table');
  const head = t.createTHead().insertRow();
  head.setAttribute('role', 'row');
  for (const h of headers) {
    const th = head.appendChild(el('th', h));
    th.setAttribute('role', 'columnheader');
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.setAttribute('role', 'row');
    row.forEach((cell, i) => {
      const td = tr.insertCell();
      td.setAttribute('role', 'cell');
      td.dataset.label = headers[i];
      td.append(cell);
    });
  }
  // A table wider than a phone scrolls in its own box (keyboard-reachable), not the whole page.
  const scroller = el('div');
  scroller.className = 'table-scroll';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', caption);
  scroller.append(t);
  wrap.append(scroller);
  return wrap;
}

const declarations = (manifest as { modules: Array<{ path: string; declarations?: Declaration[] }> }).modules
  .flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName))
  .sort((a, b) => a.tagName!.localeCompare(b.tagName!));

const toc = document.getElementById('toc')!;
const reference = document.getElementById('reference')!;
for (const d of declarations) {
  const id = d.tagName!;
  const link = el('a');
  link.href = `#${id}`;
  link.append(code(`<${id}>`));
  const item = el('li');
  item.append(link);
  toc.append(item);

  const section = el('section', undefined, 'element');
  section.id = id;
  section.setAttribute('aria-labelledby', `${id}-title`);
  const title = el('h2');
  title.id = `${id}-title`;
  title.append(code(`<${id}>`), ` ${d.name}`);
  section.append(title);
  if (d.summary) {
    const summary = el('p', undefined, 'summary');
    summary.append(prose(d.summary));
    section.append(summary);
  }
  if (d.description) {
    const p = el('p');
    p.append(prose(d.description));
    section.append(p);
  }
  const attributes = d.attributes ?? [];
  if (attributes.length) {
    section.append(
      table(
        'Attributes',
        ['attribute', 'property', 'type', 'default', 'description'],
        attributes.map((a) => [code(a.name), a.fieldName ? code(a.fieldName) : '', code(a.type?.text ?? ''), a.default ? code(a.default) : '', prose(a.description)]),
      ),
    );
  }
  const properties = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && (!m.privacy || m.privacy === 'public') && !m.attribute && m.description);
  if (properties.length) {
    section.append(
      table(
        'Properties (JavaScript only)',
        ['property', 'type', 'description'],
        properties.map((m) => [code(`${m.readonly ? 'readonly ' : ''}.${m.name}`), code(m.type?.text ?? ''), prose(m.description)]),
      ),
    );
  }
  const methods = (d.members ?? []).filter((m) => m.kind === 'method' && !m.static && (!m.privacy || m.privacy === 'public') && m.description && !m.inheritedFrom);
  if (methods.length) section.append(table('Methods', ['method', 'description'], methods.map((m) => [code(`${m.name}()`), prose(m.description)])));
  if (d.events?.length) section.append(table('Events', ['event', 'description'], d.events.map((e) => [code(e.name), prose(e.description)])));
  if (d.slots?.length) section.append(table('Slots', ['slot', 'description'], d.slots.map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)])));
  if (d.cssParts?.length) section.append(table('CSS parts', ['part', 'description'], d.cssParts.map((p) => [code(`::part(${p.name})`), prose(p.description)])));
  if (d.cssProperties?.length) section.append(table('CSS custom properties', ['property', 'description'], d.cssProperties.map((p) => [code(p.name), prose(p.description)])));
  reference.append(section);
}
