// The message catalog (_locales/<lang>/messages.json) and the helper that reads it: every message
// the code names exists, every message the catalog defines is used, placeholders are declared and
// numbered as src/shared/i18n.ts passes them, and plural forms cover the language's categories.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { plural, t } from '../../src/shared/i18n';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES = path.join(ROOT, '_locales');

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalog = Record<string, Entry>;

const readCatalog = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalog;
const ENGLISH = readCatalog('en');
const NAMES = Object.keys(ENGLISH);

const PLURAL_FORM = /^(.+)_(zero|one|two|few|many|other)$/;
/** `rowCount` for rowCount_one; the name itself when it is no plural form. */
const familyOf = (name: string) => PLURAL_FORM.exec(name)?.[1] ?? name;
const isPluralForm = (name: string) => PLURAL_FORM.test(name);
const PLURAL_FAMILIES = new Set(NAMES.filter(isPluralForm).map(familyOf));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every string literal in src/ (message names are always written out: MessageName types them). */
function stringsInSource(): Set<string> {
  const strings = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return strings;
}

/** `extName` for every `__MSG_extName__` in the manifest (extension pages cannot use them). */
function manifestNames(): string[] {
  const text = readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');
  return [...text.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
}

describe('the English catalog', () => {
  it('names, texts and descriptions: every message has all three, in the characters browsers accept', () => {
    for (const [name, entry] of Object.entries(ENGLISH)) {
      expect(name, name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), name).not.toBe('');
      expect(entry.description?.trim() ?? '', `${name} needs a description for translators`).not.toBe('');
    }
  });

  it('declares every placeholder a message uses, and uses every one it declares', () => {
    for (const [name, entry] of Object.entries(ENGLISH)) {
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()));
      const declared = new Set(Object.keys(entry.placeholders ?? {}).map((key) => key.toLowerCase()));
      expect([...used].sort(), name).toEqual([...declared].sort());
      expect(entry.message, `${name}: a bare $1 bypasses the named placeholders`).not.toMatch(/\$\d/);
    }
  });

  it('numbers placeholders in the alphabetical order of their names, as t() and plural() pass them', () => {
    const namesByFamily = new Map<string, Set<string>>();
    for (const [name, entry] of Object.entries(ENGLISH)) {
      const family = familyOf(name);
      const names = namesByFamily.get(family) ?? new Set(PLURAL_FAMILIES.has(family) ? ['count'] : []);
      for (const key of Object.keys(entry.placeholders ?? {})) names.add(key);
      namesByFamily.set(family, names);
    }
    for (const [name, entry] of Object.entries(ENGLISH)) {
      const order = [...namesByFamily.get(familyOf(name))!].sort();
      for (const [key, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(placeholder.content, `${name}.${key}`).toBe(`$${order.indexOf(key) + 1}`);
      }
    }
  });

  it("has each plural family's English forms, one and other, and no others", () => {
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const family of PLURAL_FAMILIES) {
      const forms = NAMES.filter((name) => isPluralForm(name) && familyOf(name) === family).map((name) => PLURAL_FORM.exec(name)![2]);
      expect(forms.sort(), family).toEqual([...categories].sort());
    }
  });

  it('defines every message the manifest and the code name, and nothing they do not', () => {
    const strings = stringsInSource();
    for (const name of manifestNames()) expect(NAMES, `__MSG_${name}__`).toContain(name);
    const unused = NAMES.filter((name) => !strings.has(name) && !strings.has(familyOf(name)) && !manifestNames().includes(name));
    expect(unused).toEqual([]);
  });

  it('names the manifest through the catalog, with English as the default language', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      action: { default_title: string };
    };
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.action.default_title).toBe('__MSG_extActionTitle__');
  });
});

describe('every language folder', () => {
  const languages = readdirSync(LOCALES);

  it.each(languages)('%s: its languageTag names its folder, and it translates only English messages, with their placeholders', (lang) => {
    const catalog = readCatalog(lang);
    expect(catalog.languageTag?.message.replace('-', '_')).toBe(lang);
    for (const [name, entry] of Object.entries(catalog)) {
      const english = ENGLISH[name] ?? ENGLISH[`${familyOf(name)}_other`];
      expect(english, `${lang}/${name} has no English message`).toBeDefined();
      if (!isPluralForm(name))
        expect(Object.keys(entry.placeholders ?? {}).sort(), name).toEqual(Object.keys(english!.placeholders ?? {}).sort());
    }
  });
});

describe('t() and plural() through the browser fake', () => {
  const scope = globalThis as { chrome?: unknown; browser?: unknown };
  const savedChrome = scope.chrome;
  const savedBrowser = scope.browser;
  // These tests install their own `chrome`: the native `browser` of the setup would answer first.
  beforeEach(() => {
    delete scope.browser;
  });
  afterEach(() => {
    scope.chrome = savedChrome;
    scope.browser = savedBrowser;
    vi.resetModules();
  });

  it('fills placeholders by name, whatever order the browser numbers them in', () => {
    expect(t('warningJsonAt', { line: 3, column: 14 })).toBe('line 3, column 14');
    expect(t('popupReadError', { error: 'No tab with id: 3' })).toBe("Could not read this tab's findings: No tab with id: 3");
    expect(t('extName')).toBe('Webhook Doctor');
  });

  it('picks the plural form, with the count and the other placeholders', () => {
    expect([0, 1, 2, 1000].map((n) => plural('rowCount', n))).toEqual(['0 rows', '1 row', '2 rows', '1000 rows']);
    expect(plural('warningMissingFields', 1, { fields: 'city' })).toBe('Missing required field: city. Add it to the body.');
    expect(plural('warningMissingFields', 2, { fields: 'city, state' })).toBe(
      'Missing required fields: city, state. Add them to the body.',
    );
    expect(plural('diagnoseSeen', 1)).toBe('seen once');
  });

  it('gives an empty text, not an error, where there is no i18n API (a stopped extension)', () => {
    delete scope.chrome;
    expect(t('extName')).toBe('');
    scope.chrome = {
      i18n: {
        getMessage: () => {
          throw new Error('Extension context invalidated.');
        },
      },
    };
    expect(t('extName')).toBe('');
  });

  it("uses the rules of the messages' language, falling back to the other form it lacks", async () => {
    // A Polish catalog that has translated only rowCount_one and rowCount_other: 3 is "few" in
    // Polish, which falls back to "other"; 1 is "one".
    const polish: Record<string, string> = { languageTag: 'pl', rowCount_one: '$1 wiersz', rowCount_other: '$1 wierszy' };
    scope.chrome = { i18n: { getMessage: (name: string, subs?: string[]) => (polish[name] ?? '').replace('$1', subs?.[0] ?? '') } };
    vi.resetModules();
    const fresh = await import('../../src/shared/i18n');
    expect([1, 3, 5].map((n) => fresh.plural('rowCount', n))).toEqual(['1 wiersz', '3 wierszy', '5 wierszy']);
  });
});
