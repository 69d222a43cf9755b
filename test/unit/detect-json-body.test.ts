import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkJsonBody } from '../../src/engine/detect/json/json-body';
import type { Finding } from '../../src/engine/types';

const POPLAR_FIELDS = ['address_1', 'city', 'state', 'postal_code'];

function only(findings: Finding[], problem: string): Finding {
  const matching = findings.filter((f) => f.problem === problem);
  expect(matching).toHaveLength(1);
  return matching[0] as Finding;
}

describe('checkJsonBody: syntax errors', () => {
  it.each<[string, string, number, number, RegExp]>([
    ['trailing comma in an object', '{\n  "a": 1,\n}', 2, 9, /trailing comma/],
    ['trailing comma in an array', '[1, 2,]', 1, 6, /trailing comma/],
    ['curly double quotes', '{“name”: "Ann"}', 1, 2, /curly quote “/],
    ['curly single quotes', '{"name": ‘Ann’}', 1, 10, /curly quote ‘/],
    ['single-quoted string', '{"name": \'Ann\'}', 1, 10, /single quotes/],
    ['single-quoted key', '{\'name\': "Ann"}', 1, 2, /single quotes/],
    ['unquoted key', '{name: "Ann"}', 1, 2, /unquoted key/],
    ['missing comma between members', '{\n  "a": 1\n  "b": 2\n}', 2, 9, /missing comma after this member.*line 3, column 3/],
    ['missing comma between items', '[1 2]', 1, 3, /missing comma after this item/],
    ['missing colon', '{"a" 1}', 1, 5, /missing colon/],
    ['equals instead of colon', '{"a" = 1}', 1, 6, /equals sign/],
    [
      'unclosed object, says where it opened',
      '{\n  "recipient": {\n    "city": "Oslo"\n  }\n',
      1,
      1,
      /\{ opened at line 1, column 1 is never closed/,
    ],
    ['unclosed nested array', '{"a": [1, 2}', 1, 12, /does not match the \[ opened at line 1, column 7/],
    ['unclosed array at the end', '[1, [2, 3]', 1, 1, /\[ opened at line 1, column 1 is never closed/],
    ['extra closing brace', '{"a": 1}}', 1, 9, /extra \}/],
    ['unterminated string', '{"a": "Oslo}\n', 1, 7, /unterminated string/],
    ['line comment', '{\n  // the recipient\n  "a": 1\n}', 2, 3, /comment/],
    ['block comment', '/* note */ {"a": 1}', 1, 1, /comment/],
    ['empty body', '', 1, 1, /empty/],
    ['whitespace-only body', '  \n  ', 2, 3, /empty/],
    ['Python True', '{"ok": True}', 1, 8, /write true/],
    ['Python None', '{"zip": None}', 1, 9, /write null/],
    ['NaN', '{"n": NaN}', 1, 7, /NaN is not a JSON value/],
    ['unquoted text value', '{"city": Oslo}', 1, 10, /without quotes/],
    ['leading zero (a ZIP code as a number)', '{"postal_code": 02134}', 1, 17, /leading zero/],
    ['two commas in a row', '[1,,2]', 1, 4, /two commas/],
    ['missing value after a colon', '{"a": }', 1, 7, /missing value after the colon/],
    ['raw tab inside a string', '{"a": "x\ty"}', 1, 9, /raw tab/],
    ['invalid escape', '{"a": "C:\\data"}', 1, 10, /invalid escape/],
    ['non-breaking space pasted from a web page', '{"a":\u00A01}', 1, 6, /non-breaking/],
    ['two top-level values', '{} {}', 1, 4, /extra content after the end/],
    ['colon inside an array', '["a": 1]', 1, 5, /colon inside an array/],
  ])('%s', (_label, body, line, column, reason) => {
    const finding = only(checkJsonBody(body), 'invalid-json');
    expect(finding.kind).toBe('json');
    expect(finding.code).toBeNull();
    expect(finding.detail).toMatchObject({ line, column });
    expect(finding.detail?.reason).toMatch(reason);
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.end).toBeLessThanOrEqual(body.length);
  });

  it('points the offsets at the error', () => {
    const body = '{"a": 1,}';
    const finding = only(checkJsonBody(body), 'invalid-json');
    expect(body.slice(finding.start, finding.end)).toBe(',');
  });

  it('keeps string contents out of the excerpt', () => {
    const body = '{"api_key": "sk_live_51HxYz9AbCdEf0123" "x": 1}';
    const [finding] = checkJsonBody(body);
    expect(JSON.stringify(finding)).not.toContain('51HxYz9A');
  });
});

describe('checkJsonBody: valid bodies', () => {
  it.each<[string, string]>([
    ['plain object', '{"a": 1, "b": [true, false, null], "c": {"d": -1.5e3}}'],
    ['top-level array', '[1, "two", {"three": 3}]'],
    ['escapes', '{"a": "line\\nbreak \\"quoted\\" \\u00e9"}'],
    ['byte-order mark', '\uFEFF{"a": 1}'],
    ['tag inside a string', '{"zip": "{{ person.zip }}"}'],
    ['tag with quotes inside a string', '{"zip": "{{ person.zip | default: "" }}"}'],
    ['Handlebars triple braces inside a string', '{"html": "{{{ body }}}"}'],
    ['Braze nested variable', '{"user": "{{${user_id}}}"}'],
    ['curly quotes inside a string are text', '{"note": "she said “hi”"}'],
    ['tag with a number filter', '{"count": {{ event.count | plus: 0 }}}'],
    ['tag with a json filter', '{"recipient": {{ person | json }}}'],
    ['loop with the last-comma guard', '[{% for i in items %}{"id": "{{ i.id }}"}{% unless forloop.last %},{% endunless %}{% endfor %}]'],
    ['Handlebars each with @last guard', '[{{#each items}}"{{this}}"{{#unless @last}},{{/unless}}{{/each}}]'],
    ['if/else picks one value', '{"a": {% if x %}1{% else %}2{% endif %}}'],
    ['optional member with its comma inside the block', '{"a": 1{% if x %}, "b": 2{% endif %}}'],
    ['Liquid comment block', '{"a": 1 {% comment %} x, y, {% endcomment %}}'],
    ['assign tag between members', '{% assign z = person.zip %}{"zip": "{{ z }}"}'],
  ])('%s', (_label, body) => {
    expect(checkJsonBody(body)).toEqual([]);
  });
});

describe('checkJsonBody: template tags that break the JSON', () => {
  it.each<[string, string, RegExp]>([
    ['bare tag as a value', '{"zip": {{ person.zip }}}', /"\{\{ person\.zip \| default: '' \}\}"/],
    ['bare ${} variable', '{"zip": ${zip}}', /in quotes/],
    ['tag glued to text', '{"price": {{ price }}.00}', /without quotes/],
    ['tag used as a key', '{ {{ field }}: 1 }', /key must be inside double quotes/],
    ['loop leaves a trailing comma', '[{% for i in items %}{"id": "{{ i.id }}"},{% endfor %}]', /forloop\.last/],
    ['comma before an optional member', '{"a": 1, {% if x %}"b": 2{% endif %}}', /condition is false/],
    ['comma after an optional member', '{"a": 1, {% if x %}"b": 2,{% endif %}}', /condition is true/],
    ['unclosed template block', '{"a": 1}{% if x %}', /never closed/],
  ])('%s', (_label, body, reason) => {
    const findings = checkJsonBody(body);
    const finding = only(findings, 'template-breaks-json');
    expect(finding.detail?.reason).toMatch(reason);
    expect(findings.some((f) => f.problem === 'invalid-json')).toBe(false);
  });
});

describe('checkJsonBody: required fields', () => {
  const complete = '{"recipient": {"address_1": "1 Main St", "city": "Oslo", "state": "OS", "postal_code": "0150"}}';

  it.each<[string, string, string[], string[]]>([
    ['all present', complete, [], []],
    ['postal_code missing', '{"recipient": {"address_1": "1 Main St", "city": "Oslo", "state": "OS"}}', ['postal_code'], []],
    ['everything missing', '{"campaign_id": "c1"}', POPLAR_FIELDS, []],
    [
      'city empty and state null',
      '{"recipient": {"address_1": "1 Main St", "city": "", "state": null, "postal_code": "0150"}}',
      [],
      ['city', 'state'],
    ],
    ['present at any depth', '{"a": [{"b": {"address_1": "x", "city": "y", "state": "z", "postal_code": "1"}}]}', [], []],
    [
      'filled by tags counts as present',
      '{"address_1": "{{ a }}", "city": "{{ c }}", "state": "{{ s }}", "postal_code": "{{ p }}"}',
      [],
      [],
    ],
    ['a json tag may carry the fields', '{"recipient": {{ person | json }}}', [], []],
    ['a field name as a value is not a key', '{"fields": ["address_1", "city", "state", "postal_code"]}', POPLAR_FIELDS, []],
  ])('%s', (_label, body, missing, empty) => {
    const findings = checkJsonBody(body, POPLAR_FIELDS);
    const missingFinding = findings.find((f) => f.problem === 'missing-required-field');
    const emptyFinding = findings.find((f) => f.problem === 'empty-required-field');
    expect(missingFinding?.detail?.fields ?? []).toEqual(missing);
    expect(emptyFinding?.detail?.fields ?? []).toEqual(empty);
  });

  it('points an empty field at its value', () => {
    const body = '{"city": ""}';
    const finding = only(checkJsonBody(body, ['city']), 'empty-required-field');
    expect(body.slice(finding.start, finding.end)).toBe('""');
  });

  it('skips the field check when the body does not parse', () => {
    const findings = checkJsonBody('{"city": "Oslo",}', POPLAR_FIELDS);
    expect(findings.map((f) => f.problem)).toEqual(['invalid-json']);
  });
});

describe('checkJsonBody: size and depth', () => {
  it('handles 5,000-deep nesting without recursion', () => {
    const depth = 5_000;
    expect(checkJsonBody('['.repeat(depth) + ']'.repeat(depth))).toEqual([]);
    const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    expect(checkJsonBody(objects, ['a'])).toEqual([]);
    const unclosed = only(checkJsonBody('['.repeat(depth) + ']'.repeat(depth - 1)), 'invalid-json');
    expect(unclosed.detail?.reason).toMatch(/\[ opened at line 1, column 1 is never closed/);
  });

  it('checks a 1 MB body and finds an error at its end', () => {
    const item = '{"address_1": "1 Main St", "city": "Oslo", "n": 12345},\n';
    const count = Math.ceil(1_000_000 / item.length);
    const valid = `[\n${item.repeat(count)}{"last": true}\n]`;
    expect(valid.length).toBeGreaterThan(1_000_000);
    expect(checkJsonBody(valid)).toEqual([]);
    const broken = only(checkJsonBody(valid.replace('{"last": true}', '{"last": true},')), 'invalid-json');
    expect(broken.detail?.line).toBe(count + 2);
    expect(broken.detail?.reason).toMatch(/trailing comma/);
  });

  it.each<[string, string]>([
    ['unclosed tag openers', '{{'.repeat(500_000)],
    ['unclosed strings with tags', '"{{ '.repeat(250_000)],
    ['deep template blocks', '{% if x %}'.repeat(50_000)],
    ['quotes without end', '["'.repeat(500_000)],
  ])('finishes on 1 MB of %s', (_label, body) => {
    expect(checkJsonBody(body).length).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  it('never throws and keeps offsets inside the body', () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[]:,"\'\\ \n\tab01-.eE{%}$#/*“”tn'), maxLength: 120 });
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string({ unit: 'binary', maxLength: 120 })), (body) => {
        for (const finding of checkJsonBody(body, ['a', 'city'])) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(body.length);
          expect(finding.detail?.line).toBeGreaterThanOrEqual(1);
          expect(finding.detail?.column).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  // Template openers are tags to the ESP's renderer, so JSON that contains them is left out.
  const withoutTemplateOpeners = (text: string) => !/\{\{|\{%|\{#|\$\{/.test(text);

  it('accepts any JSON that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.json().filter(withoutTemplateOpeners), (text) => {
        expect(checkJsonBody(text)).toEqual([]);
      }),
    );
  });

  it('reports invalid-json exactly when JSON.parse rejects', () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[]:,"1 an0.-eE+\\u/t\n'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(jsonish.filter(withoutTemplateOpeners), (body) => {
        let parses = true;
        try {
          JSON.parse(body);
        } catch {
          parses = false;
        }
        const invalid = checkJsonBody(body).some((f) => f.problem === 'invalid-json');
        expect(invalid).toBe(!parses);
      }),
    );
  });
});
