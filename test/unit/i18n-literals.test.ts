// No user-facing words written into the UI code: the popup, the options page, the badges and
// cards on the page and the editor field warnings take every word from _locales (src/shared/i18n.ts).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findUserFacingLiterals, type Literal } from '../i18n/user-facing-literals';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What the content script draws on the page (the rest of src/content draws nothing). */
const CONTENT_UI = ['badges/badge.ts', 'badges/card.ts', 'fields/field-warning.ts', 'fields/curl-button.ts'].map(
  (file) => `src/content/${file}`,
);

/** Product names, written as their makers write them in every language. */
const PRODUCT_NAMES = new Set(['Salesforce Marketing Cloud', 'Twilio SendGrid']);

function codeIn(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => `${dir}/${file}`);
}

const UI_FILES = [...codeIn('src/popup'), ...codeIn('src/options'), ...CONTENT_UI];

function literalsIn(file: string): Literal[] {
  return findUserFacingLiterals(file, readFileSync(path.join(ROOT, file), 'utf8')).filter((literal) => !PRODUCT_NAMES.has(literal.text));
}

describe('user-facing literals', () => {
  it('covers the popup, the options page and the content UI', () => {
    expect(UI_FILES).toEqual(expect.arrayContaining(['src/popup/app.tsx', 'src/options/options-app.tsx', ...CONTENT_UI]));
    expect(UI_FILES.length).toBeGreaterThan(20);
  });

  it.each(UI_FILES)('%s takes its words from the message catalog', (file) => {
    expect(literalsIn(file).map(({ line, text, rule }) => `${file}:${line} ${rule}: ${text}`)).toEqual([]);
  });

  it.each(['src/popup/index.html', 'src/options/index.html'])('%s has no text of its own (the code sets title and lang)', (file) => {
    const html = readFileSync(path.join(ROOT, file), 'utf8').replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '');
    const text = html.replace(/<[^>]*>/g, ' ').replace(/<!doctype[^>]*>/gi, ' ');
    expect(text.trim()).toBe('');
  });
});

describe('the literal finder', () => {
  const find = (source: string, file = 'probe.tsx') => findUserFacingLiterals(file, source).map(({ rule, text }) => `${rule}: ${text}`);

  it('finds each kind of user-facing literal', () => {
    const source = `
      export function Probe({ ok, count }: { ok: boolean; count: number }) {
        const label = 'Will retry by itself';
        return (
          <section title="Problems here" aria-label={\`\${count} problems\`}>
            <h2>No failing webhooks</h2>
            {ok && 'Report copied.'}
            {ok ? 'Yes' : \`Seen \${count} times\`}
            <input placeholder="esp.example.com" />
          </section>
        );
      }
      function draw(el: HTMLElement, doc: Document) {
        el.textContent = 'Close';
        el.setAttribute('aria-label', 'Show the fix');
        el.append(doc.createTextNode('Webhook Doctor:'));
      }`;
    expect(find(source)).toEqual([
      'phrase: Will retry by itself',
      'jsx-attribute: Problems here',
      'jsx-attribute: problems',
      'jsx-text: No failing webhooks',
      'jsx-expression: Report copied.',
      'jsx-expression: Yes',
      'jsx-expression: Seen   times',
      'jsx-attribute: esp.example.com',
      'dom-write: Close',
      'dom-write: Show the fix',
      'dom-write: Webhook Doctor:',
    ]);
  });

  it('leaves code alone: message names, class names, selectors, imports, types, CSS and comments', () => {
    const source = `
      import { t } from '../shared/i18n';
      import type { Tone } from './display-groups';
      type Mode = 'full compact' | 'other thing';
      const CSS = \`.card{font-size:13px;line-height:1.45}\`;
      const STYLE = 'all:initial;display:block;margin:0 0 0 6px;';
      // A comment with many words in it.
      export function Probe({ tone, open }: { tone: Tone; open: boolean }) {
        const line = document.querySelector('select, input');
        return (
          <li class={\`triage__item tone--\${tone}\`} data-key="http:403" aria-expanded={open}>
            {t('popupSettings')} {' · '} {open && t('markNeedsYou')}
            {line?.className === 'big one' ? '×' : '…'}
          </li>
        );
      }`;
    expect(find(source)).toEqual([]);
  });
});
