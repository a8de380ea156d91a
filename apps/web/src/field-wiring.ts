import { parse, type HTMLElement } from 'node-html-parser';

const CONTROLS = 'input, select, textarea';

/**
 * Ties each field's label, hint and error to its control in the server's HTML, as Designsystemet's
 * `<ds-field>` element does in the browser (@digdir/designsystemet-web, field.js): the label's `for`, the
 * control's `aria-describedby` (the error first) and `aria-invalid`, and a checkbox's or radio's
 * `data-clickdelegatefor`. Designsystemet's React components leave this to that element, which runs only
 * once the app has started; without it a server-rendered field would have no name. The element does the
 * same again when the app starts, keeping the ids given here.
 */
export function wireFields(html: string): string {
  const root = parse(html, { comment: true });
  const fields = root.querySelectorAll('ds-field');
  if (fields.length === 0) return html;
  let next = 0;
  const idOf = (element: HTMLElement) => {
    if (!element.id) element.setAttribute('id', `ds-server-${++next}`);
    return element.id;
  };
  for (const field of fields) {
    const control = field.querySelectorAll(CONTROLS).find((c) => !c.hasAttribute('hidden') && c.getAttribute('type') !== 'hidden');
    if (!control) continue;
    const id = idOf(control);
    for (const label of field.querySelectorAll('label')) if (!label.hasAttribute('for')) label.setAttribute('for', id);
    const parts = field.querySelectorAll('[data-field]').filter((part) => !part.hasAttribute('hidden'));
    const validation = parts.filter((part) => part.getAttribute('data-field') === 'validation');
    const hints = parts.filter((part) => part.getAttribute('data-field') !== 'validation' && part.getAttribute('data-field') !== 'counter');
    const own = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = [...new Set([...validation.map(idOf), ...hints.map(idOf), ...own])];
    if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
    if (validation.length > 0 && !control.hasAttribute('aria-invalid')) control.setAttribute('aria-invalid', 'true');
    const type = control.getAttribute('type');
    if (type === 'checkbox' || type === 'radio') field.setAttribute('data-clickdelegatefor', id);
  }
  return root.toString();
}
