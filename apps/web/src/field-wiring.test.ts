import { wireFields } from './field-wiring';

describe('wireFields', () => {
  it('ties a label, a hint and an error to their control, the error first', () => {
    const html = wireFields(
      '<ds-field class="ds-field"><label class="ds-label">E-postadress</label><div data-field="description">Den du loggar in med</div><input class="ds-input" id="email" value=""/><div data-field="validation">Skriv en e-postadress</div></ds-field>',
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const input = doc.getElementById('email')!;
    expect(doc.querySelector('label')!.getAttribute('for')).toBe('email');
    const [first, second] = input.getAttribute('aria-describedby')!.split(' ');
    expect(doc.getElementById(first)!.textContent).toBe('Skriv en e-postadress');
    expect(doc.getElementById(second)!.textContent).toBe('Den du loggar in med');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('gives a control without an id one, keeps what the control already names, and lets a checkbox’s field click it', () => {
    const html = wireFields('<ds-field><input type="checkbox" aria-describedby="note"/><label>Idéburen</label></ds-field><p id="note">Förening eller stiftelse</p>');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const box = doc.querySelector('input')!;
    expect(box.id).not.toBe('');
    expect(doc.querySelector('label')!.getAttribute('for')).toBe(box.id);
    expect(box.getAttribute('aria-describedby')).toBe('note');
    expect(box.hasAttribute('aria-invalid')).toBe(false);
    expect(doc.querySelector('ds-field')!.getAttribute('data-clickdelegatefor')).toBe(box.id);
  });

  it('leaves a page without fields, and the rest of a page, as it was', () => {
    const page = '<main><h1>Behov</h1><!-- --><p>Städning &amp; fönsterputs</p></main>';
    expect(wireFields(page)).toBe(page);
    expect(wireFields(`${page}<ds-field><label>Sök</label><input id="q"/></ds-field>`)).toContain('<!-- --><p>Städning &amp; fönsterputs</p>');
  });
});
