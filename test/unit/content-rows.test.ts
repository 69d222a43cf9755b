// @vitest-environment happy-dom
// From a text node to its row, and a row's text as the detectors read it.
import { describe, it, expect, beforeEach, vi } from 'vitest';
import fc from 'fast-check';
import { detectAll } from '../../src/engine/detect';
import {
  badgeSlot,
  ERROR_HINT,
  MAX_ROW_TEXT,
  readOnlyStatusValue,
  rowFor,
  rowOfAttributeStatus,
  rowText,
  rowTextAsShown,
  showsStatusOnlyInAttribute,
  shownSlot,
} from '../../src/content/scan/rows';
import { generic } from '../../src/providers/generic';
import { createBadge } from '../../src/content/badges/badge';
import { adapterFor } from '../../src/providers';
import type { SiteAdapter } from '../../src/providers/site-adapter';

const klaviyo = adapterFor('www.klaviyo.com');
const iterable = adapterFor('app.iterable.com');

/** The text node holding `needle`. */
function textNode(needle: string, root: Node = document.body): Text {
  const walker = document.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(needle)) return node as Text;
  }
  throw new Error(`no text node with ${needle}`);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('rowFor', () => {
  it.each<[string, string, string, SiteAdapter?]>([
    ['a table row', '<table><tr id="row"><td>a</td><td>HTTP 500</td></tr></table>', 'row'],
    ['a list item', '<ul><li id="row">x <b>HTTP 500</b></li><li>y</li></ul>', 'row'],
    ['an ARIA row', '<div role="table"><div role="row" id="row"><div role="cell">HTTP 500</div></div></div>', 'row'],
    [
      'a repeated div entry',
      '<div><div class="e" id="row"><div class="t">10:40</div><div class="m"><span>HTTP 500</span></div></div><div class="e"><div class="t">10:41</div></div></div>',
      'row',
    ],
    [
      'a row of repeated cells',
      '<div><div class="r" id="row"><div class="c">x</div><div class="c">HTTP 500</div></div><div class="r"><div class="c">y</div></div></div>',
      'row',
    ],
    ['a repeated log line', '<div class="log"><p class="l" id="row">HTTP 500</p><p class="l">ok</p></div>', 'row'],
    [
      'a card of two unlike lines (captions, then values): the card',
      '<div><div class="k" id="row"><div class="l1"><span>a@x</span><span>Response</span></div><div class="l2"><span>9:00</span><span>HTTP 500</span></div></div><div class="k"><div class="l1"><span>b@x</span></div></div></div>',
      'row',
    ],
    [
      'an entry of a group that does not repeat, inside one that does: the entry',
      '<div><div class="g"><div class="grp"><div class="a" id="row">HTTP 500 <b>x</b></div><div class="a">y</div></div></div><div class="g"></div></div>',
      'row',
    ],
    ['a lone message: nearest block', '<section><div class="alert"><p id="row">Failed: <code>HTTP 500</code></p></div></section>', 'row'],
    [
      'the adapter row before a nested list item',
      '<table data-testid="webhook-activity-table"><tbody><tr id="row"><td><ul><li>HTTP 500</li></ul></td></tr></tbody></table>',
      'row',
      klaviyo,
    ],
  ])('%s', (_name, html, id, adapter = generic) => {
    document.body.innerHTML = html;
    expect(rowFor(textNode('HTTP 500'), adapter)?.id).toBe(id);
  });

  it('never picks body, a table or a list container', () => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const tbody = document.querySelector('tbody')!;
    tbody.append(document.createTextNode('HTTP 500'));
    expect(rowFor(tbody.firstChild!, generic)).toBeNull();
    document.body.innerHTML = '';
    document.body.append(document.createTextNode('HTTP 500'));
    expect(rowFor(document.body.firstChild!, generic)).toBeNull();
  });

  it('takes a <details> for the row of the block it holds, not the block', () => {
    document.body.innerHTML =
      '<div><details id="d"><summary>call 1 · Failed</summary><pre>HTTP/1.1 503 Service Unavailable</pre></details></div>';
    expect(rowFor(textNode('HTTP/1.1 503'), generic)?.id).toBe('d');
    expect(rowFor(textNode('call 1'), generic)?.tagName).toBe('SUMMARY');
  });

  it('returns null inside an area the adapter ignores', () => {
    document.body.innerHTML = '<div><p class="field-hint">Format: Authorization: &lt;authType&gt; &lt;authToken&gt;</p></div>';
    expect(rowFor(textNode('Authorization'), iterable)).toBeNull();
    expect(rowFor(textNode('Authorization'), generic)).not.toBeNull();
  });

  it('takes the record a JSON tree describes, not one field of the tree', () => {
    const tree =
      '<div class="jt"><ul><li><label>response:</label><span>{}</span><ul><li><label>status:</label><span>502</span></li><li><label>attempt:</label><span>3</span></li></ul></li></ul></div>';
    document.body.innerHTML = `<div><article id="row"><header>a@example.com</header>${tree}</article><article><header>b</header></article></div>`;
    expect(rowFor(textNode('502'), generic)?.id).toBe('row');
    // A log of items that all show the same key keeps its items for rows, nested or not.
    document.body.innerHTML =
      '<ul><li>delivery<ul><li id="row"><label>status:</label><span>502</span></li><li><label>status:</label><span>200</span></li></ul></li></ul>';
    expect(rowFor(textNode('502'), generic)?.id).toBe('row');
    // In a log of items, each holding a tree, the item is the record.
    document.body.innerHTML = `<ul><li id="row">a@example.com ${tree}</li><li>b ${tree}</li></ul>`;
    expect(rowFor(textNode('502', document.getElementById('row')!), generic)?.id).toBe('row');
  });

  it('reads a code an SVG chip draws in a status cell, and no other SVG text', () => {
    const chip = (code: string) => `<svg width="44" height="20"><rect width="44" height="20"/><text x="22" y="14">${code}</text></svg>`;
    document.body.innerHTML = `<table><tr><th>Recipient</th><th>Status</th><th>Duration (ms)</th></tr><tr id="row"><td>a</td><td>${chip('502')}</td><td>${chip('503')}</td></tr></table>`;
    const texts = [...document.querySelectorAll('text')].map((el) => el.firstChild!);
    expect(rowFor(texts[0]!, generic)?.id).toBe('row');
    expect(rowFor(texts[1]!, generic)).toBeNull(); // under "Duration (ms)"
    expect(rowText(document.getElementById('row')!, generic)).toContain('HTTP 502');
    // A chart's axis ticks are no status cell.
    document.body.innerHTML = '<div><svg><g><text>400</text><text>500</text></g><title>HTTP 500</title></svg></div>';
    expect(rowFor(document.querySelector('title')!.firstChild!, generic)).toBeNull();
    expect(rowFor(document.querySelectorAll('text')[1]!.firstChild!, generic)).toBeNull();
  });

  it("reads an SVG icon's own <title> as its name, as a title attribute is", () => {
    const icon = (title: string) => `<svg viewBox="0 0 16 16" role="img"><title>${title}</title><circle r="7"/></svg>`;
    document.body.innerHTML = `<table><tr id="row"><td>a</td><td>${icon('500 Internal Server Error')}</td><td>503</td></tr><tr id="ok"><td>b</td><td>${icon('200 OK')}</td></tr><tr id="plain"><td>c</td><td>${icon('Failed')}</td></tr></table>`;
    const titleText = (id: string) => document.querySelector(`#${id} title`)!.firstChild!;
    expect(rowFor(titleText('row'), generic)?.id).toBe('row');
    expect(rowText(document.getElementById('row')!, generic)).toContain('500 Internal Server Error');
    expect(rowText(document.getElementById('ok')!, generic)).toContain('200 OK');
    // A title with no code leads nowhere and adds nothing.
    expect(rowFor(titleText('plain'), generic)).toBeNull();
    expect(rowText(document.getElementById('plain')!, generic)).not.toContain('Failed');
    // A bare code in the title reads as a status line.
    document.body.innerHTML = `<div class="l" id="bare">a ${icon('502')}</div><div class="l">b</div>`;
    expect(rowText(document.getElementById('bare')!, generic)).toContain('HTTP 502');
  });

  it('finds rows inside an open shadow root without leaving it', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="l" id="row">status: 503</div><div class="l">ok</div>';
    expect(rowFor(textNode('status', shadow), generic)?.id).toBe('row');
  });

  it('finds the row of an <svg role="img"> icon whose status is only in its aria-label', () => {
    // No text of the row hints at a failure ("502 ms" is a duration): the icon alone leads to it.
    document.body.innerHTML =
      '<table><tr id="row"><td><svg role="img" aria-label="HTTP 500 Internal Server Error"><circle r="7"/></svg></td><td>502 ms</td></tr></table>';
    const icon = document.querySelector('svg')!;
    expect(showsStatusOnlyInAttribute(icon)).toBe(true);
    expect(rowOfAttributeStatus(icon, generic)?.id).toBe('row');
  });
});

describe('a <pre> log of field spans with no element per line (ANSI colours)', () => {
  const log = () => {
    document.body.innerHTML =
      '<pre><span>10:01</span> <span>POST</span> <span>/a</span> <span id="s1">502</span> <span>12ms</span>\n<span>10:02</span> <span>POST</span> <span>/b</span> <span id="s2">200</span> <span id="e2">404ms</span>\nplain line 503\n</pre>';
  };
  it('each line is a row of its own, standing for it: its last element', () => {
    log();
    const row = rowFor(document.getElementById('s1')!.firstChild!, generic);
    expect(row?.textContent).toBe('12ms');
    expect(rowText(row!, generic)).toBe('10:01 POST /a 502 12ms');
    expect(rowFor(document.getElementById('s2')!.firstChild!, generic)?.id).toBe('e2');
  });
  const framed = () => {
    document.body.innerHTML =
      '<pre>plain first line 200\n2025-05-02 <span>POST</span> <span id="s1">/a</span> 502 Bad Gateway\n<span>10:02</span> <span id="e2">/b</span> 429 slow\nGET <span>/c</span> <span id="e3">/d</span> done</pre>';
  };
  const textWith = (words: string) =>
    [...document.querySelector('pre')!.childNodes].find((n) => n.nodeType === 3 && n.textContent?.includes(words))!;
  it("a line's text before its first element and after its last one is the line's", () => {
    framed();
    const row = rowFor(document.getElementById('s1')!.firstChild!, generic)!;
    expect(row.id).toBe('s1');
    expect(rowText(row, generic)).toBe('2025-05-02 POST /a 502 Bad Gateway');
    expect(rowText(document.getElementById('e3')!, generic)).toBe('GET /c /d done');
  });
  it('a code in the text after the last element is judged with its own line, not the whole <pre>', () => {
    framed();
    expect(rowFor(textWith('502 Bad Gateway'), generic)?.id).toBe('s1');
    expect(rowFor(textWith('429 slow'), generic)?.id).toBe('e2');
  });
  it('text holding several lines with a hint keeps the <pre> as its row, so none goes unread', () => {
    document.body.innerHTML =
      '<pre><span>10:00</span> <span>POST</span> 502 Bad Gateway\n10:01 POST 503 Service Unavailable\n<span>10:02</span> <span>GET</span> ok</pre>';
    expect(rowFor(textWith('503 Service'), generic)?.tagName).toBe('PRE');
    document.body.innerHTML = '<pre><span>10:00</span> <span>POST</span> 502 Bad Gateway\nHTTP 429 <span>x</span> <span>y</span></pre>';
    expect(rowFor(textWith('502 Bad'), generic)?.tagName).toBe('PRE');
  });
  it('a control, a slotless host or a block inside a line: no field of it, and a block ends the line', () => {
    // A badge inside a text area or a host that draws only its root is never shown.
    document.body.innerHTML = '<pre>HTTP 500 Internal Server Error<b></b><textarea></textarea></pre>';
    expect(rowFor(textWith('HTTP 500'), generic)?.tagName).toBe('PRE');
    document.body.innerHTML = '<pre><code></code><code id="h"></code>error code 403</pre>';
    document.getElementById('h')!.attachShadow({ mode: 'open' });
    expect(rowFor(textWith('403'), generic)?.tagName).toBe('PRE');
    // A table is a block: the walk stops there, it does not join the lines on either side.
    document.body.innerHTML =
      '<pre><span>12:00</span> <span>POST</span><table><tr><td>HTTP 502</td></tr></table><span>x</span> HTTP 500\n</pre>';
    expect(rowFor(textWith('HTTP 500'), generic)?.tagName).toBe('PRE');
  });
  it('text between lines and a <pre> of plain text keep the <pre> as their row', () => {
    log();
    const plain = [...document.querySelector('pre')!.childNodes].find((n) => n.textContent?.includes('plain'))!;
    expect(rowFor(plain, generic)?.tagName).toBe('PRE');
  });
});

describe('rowText', () => {
  it.each<[string, string, string, SiteAdapter?]>([
    ['cells on separate lines', '<table><tr id="r"><td>failed</td><td>403</td></tr></table>', 'failed\n403'],
    ['inline parts joined by a space', '<div id="r"><b>HTTP</b><i>403</i> Forbidden</div>', 'HTTP 403  Forbidden'],
    ['skips scripts and styles', '<div id="r">HTTP 500<script>var a = 1;</script><style>p{}</style></div>', 'HTTP 500'],
    [
      'a bare status cell gets its context from the adapter',
      '<table data-testid="webhook-activity-table"><tbody><tr id="r"><td>Skipped</td><td data-column="error">403</td></tr></tbody></table>',
      'Skipped\nHTTP 403',
      klaviyo,
    ],
    [
      'the same cell without the adapter: its data-column names an error column',
      '<table data-testid="webhook-activity-table"><tbody><tr id="r"><td>Skipped</td><td data-column="error">403</td></tr></tbody></table>',
      'Skipped\nHTTP 403',
    ],
    [
      'a pill that shows a reason phrase and keeps its code in a title',
      '<div id="r">eli@example.com <span title="503">Service Unavailable</span> <span title="HTTP 422">Unprocessable Entity</span></div>',
      'eli@example.com \nHTTP 503 Service Unavailable\nHTTP 422 Unprocessable Entity',
    ],
    [
      "a row's own accessible name when its text shows no number",
      '<ul><li id="r" aria-label="Failed: 502 Bad Gateway for max"><i></i>max · Failed</li></ul>',
      'Failed: 502 Bad Gateway for max\nmax · Failed',
    ],
    [
      'not an accessible name beside text that shows a number of its own',
      '<ul><li id="r" aria-label="Failed: 502 Bad Gateway">max · Failed after 3 tries · 120 ms</li></ul>',
      'max · Failed after 3 tries · 120 ms',
    ],
    [
      'a title whose code the shown words do not name is left to the text',
      '<div id="r"><span title="500">Delivered</span> <span title="Sent to 500 recipients">Service Unavailable</span></div>',
      'Delivered Service Unavailable',
    ],
    ['an odometer: digits one span each read as one number', '<div id="r">HTTP <b>5</b><b>0</b><b>2</b></div>', 'HTTP  502'],
    [
      'a log line of token spans with no separators: a code and a duration stay two fields',
      '<div id="r"><span>10:00:01</span><span>POST</span><span>/a</span><span>503</span><span>1204</span><span>ms</span></div>',
      '10:00:01 POST /a 503 1204 ms',
    ],
    [
      'the same with a duration of two digits',
      '<div id="r"><span>POST</span><span>/a</span><span>429</span><span>38</span><span>ms</span></div>',
      'POST /a 429 38 ms',
    ],
    [
      'a log line of token spans: an attempt count of two digits before a code stays a field of its own',
      '<div id="r"><span>POST</span><span>/a</span><span>38</span><span>429</span><span>Too Many Requests</span></div>',
      'POST /a 38 429 Too Many Requests',
    ],
    ['an odometer of two-digit pieces still reads as one number', '<div id="r">Count <b>12</b><b>34</b></div>', 'Count  1234'],
    [
      'a code in a <kbd> beside a duration with no space between: two fields',
      '<div id="r">Last response <kbd>503</kbd><span>1.2 s</span></div>',
      'Last response  503 1.2 s',
    ],
    [
      'a bare number whose data-column names something else is left out',
      '<table><tbody><tr id="r"><td>Skipped</td><td data-column="notes">403</td></tr></tbody></table>',
      'Skipped',
    ],
  ])('%s', (_name, html, expected, adapter = generic) => {
    document.body.innerHTML = html;
    expect(rowText(document.getElementById('r')!, adapter)).toBe(expected);
  });

  it('decides whether to glue a digit piece from the end of the text so far, not all of it', () => {
    // Tested per text node: a test over the whole text would make a long row cost its square.
    document.body.innerHTML = `<div id="r">${'<span>a</span><span>7</span>'.repeat(300)}</div>`;
    const test = RegExp.prototype.test;
    let longest = 0;
    const spy = function (this: RegExp, input: string) {
      if (this.source.endsWith('\\d{1,2}$')) longest = Math.max(longest, String(input).length);
      return test.call(this, input);
    };
    RegExp.prototype.test = spy;
    try {
      expect(rowText(document.getElementById('r')!, generic)).toHaveLength(300 * 4 - 1);
      expect(rowText(document.getElementById('r')!, generic).startsWith('a 7 a 7')).toBe(true);
    } finally {
      RegExp.prototype.test = test;
    }
    expect(longest).toBeLessThan(10);
  });

  it(`stops at ${MAX_ROW_TEXT} characters`, () => {
    document.body.innerHTML = '<div id="r"></div>';
    const row = document.getElementById('r')!;
    for (let i = 0; i < 20; i++) row.append(document.createElement('p'));
    for (const p of row.children) p.textContent = 'y'.repeat(100_000);
    expect(rowText(row, generic)).toHaveLength(MAX_ROW_TEXT);
  });

  it('reads a tooltip or accessible name for its first 1,000 characters only', () => {
    // A page that put megabytes of statuses into each icon's title made every row 64 KB to judge.
    document.body.innerHTML = '<div id="r">a@example.com <i class="icon"></i></div>';
    const icon = document.querySelector('i')!;
    icon.setAttribute('title', 'HTTP 500 Internal Server Error '.repeat(35_000));
    const text = rowText(document.getElementById('r')!, generic);
    expect(text.startsWith('a@example.com')).toBe(true);
    expect(text).toContain('HTTP 500');
    expect(text.length).toBeLessThan(1_100);
  });

  it('leaves out a token the 1,000-character cut of a tooltip would halve', () => {
    document.body.innerHTML = '<div id="r">a@example.com <i class="icon"></i></div>';
    const head = 'HTTP 500 Internal Server Error';
    document.querySelector('i')!.setAttribute('title', `${head}${' '.repeat(1_000 - head.length - 12)}wdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0`);
    const text = rowText(document.getElementById('r')!, generic);
    expect(text).toContain('HTTP 500');
    expect(text).not.toContain('wdtk');
  });

  it('ignores the badges we added, not page content that carries our attribute', () => {
    document.body.innerHTML = '<div id="r">HTTP 500</div><div id="page">HTTP 502<span data-webhook-doctor="badge">HTTP 403</span></div>';
    const badge = createBadge(document, () => undefined);
    badge.append('HTTP 404'); // text in our host's light DOM (it has none) would still be left out
    document.getElementById('r')!.append(badge);
    expect(rowText(document.getElementById('r')!, generic)).toBe('HTTP 500');
    expect(rowText(document.getElementById('page')!, generic)).toBe('HTTP 502 HTTP 403');
  });
});

describe('a status shown as a read-only input', () => {
  const input = (html: string): Element => {
    document.body.innerHTML = `<form id="row"><p>uma@example.com</p>${html}</form>`;
    return document.querySelector('input')!;
  };

  it.each<[string, string, string | null]>([
    ['read-only under a status label', '<label>Response code <input readonly value="429"></label>', '429'],
    ['disabled, named by aria-label', '<input disabled aria-label="HTTP status" value="503">', '503'],
    ['read-only under another label', '<label>Duration (ms) <input readonly value="503"></label>', ''],
    ["editable: the user's, not a report", '<label>Response code <input value="429"></label>', null],
    ['a password field', '<label>Status <input type="password" readonly value="429"></label>', null],
    ['a value that is no lone code', '<label>Status <input readonly value="429 retries"></label>', null],
  ])('%s', (_name, html, expected) => {
    expect(readOnlyStatusValue(input(html))).toBe(expected);
  });

  it('reads the code into its row and leaves every other value out, a secret included', () => {
    input(
      '<label>Response code <input readonly value="429"></label><label>Duration (ms) <input readonly value="503"></label>' +
        '<label>Signing secret <input readonly value="whsec_q7Zx9Wv2Lm8Kp3Rt5Yb1"></label>',
    );
    const text = rowText(document.getElementById('row')!, generic);
    expect(text).toContain('HTTP 429');
    expect(text).not.toContain('503');
    expect(text).not.toContain('whsec_');
  });
});

describe('rowTextAsShown (the text of samples)', () => {
  it('keeps a token the page splits into inline pieces whole, cells still on their own lines', () => {
    document.body.innerHTML =
      '<table><tr id="r"><td>HTTP 401</td><td>sent <span>wdtk7Q2m9X</span><wbr><span>vB4pL8sR1nK6zT3y</span>H5cJ0</td></tr></table>';
    const row = document.getElementById('r')!;
    expect(rowTextAsShown(row, generic)).toBe('HTTP 401\nsent wdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0');
    expect(rowText(row, generic)).toBe('HTTP 401\nsent  wdtk7Q2m9X vB4pL8sR1nK6zT3y H5cJ0');
  });

  it('reads a <select> as the option it shows, a word of its own; the scan still leaves it out', () => {
    document.body.innerHTML =
      '<ul><li id="r">HTTP 405 <select><option>X-Api-Key</option><option selected>Authorization</option></select><span>q7Zx9Wv2Lm4K</span></li></ul>';
    const row = document.getElementById('r')!;
    expect(rowTextAsShown(row, generic)).toBe('HTTP 405 Authorization q7Zx9Wv2Lm4K');
    expect(rowText(row, generic)).not.toContain('Authorization');
  });

  it.each([
    ['a read-only field', '<input readonly value="Authorization: Bearer">', 'Authorization: Bearer'],
    ['a field', '<input value="X-Api-Key:">', 'X-Api-Key:'],
    ['a field ending in a look-alike colon', '<input value="X-Api-Key\u2236">', 'X-Api-Key\u2236'],
    ['a text area', '<textarea>token=</textarea>', 'token='],
    ['an editing host', '<span contenteditable="true">api_key =</span>', 'api_key ='],
    ['SVG text', '<svg><text>password</text></svg>', 'password'],
    // What the user typed before the key name is no part of it (it may be a password).
    ['an editing host with typed words before the name', '<span contenteditable="true">CorrectHorseBattery9 password</span>', 'password'],
    // A key with the start of its value: the rest may follow the control, so the name alone is read.
    ['a field holding a key name and its value', '<input value="token: q7Zx9W">', 'token:'],
    ['a text area holding a scheme and its token', '<textarea>Authorization: Bearer q7Zx9W</textarea>', 'Authorization: Bearer'],
    ['an editing host holding a key and its value', '<span contenteditable="true">api_key=q7Zx9W</span>', 'api_key='],
  ])('reads %s that ends with a key name as a word of its own; the scan still leaves it out', (_what, control, shown) => {
    document.body.innerHTML = `<ul><li id="r">HTTP 401 ${control} <span>q7Zx9Wv2Lm4K</span></li></ul>`;
    const row = document.getElementById('r')!;
    expect(rowTextAsShown(row, generic)).toBe(`HTTP 401 ${shown} q7Zx9Wv2Lm4K`);
    expect(rowText(row, generic)).not.toContain(shown);
  });

  it.each([
    ['a typed value', '<input value="q7Zx9Wv2Lm4K">'],
    ['a value after words that name no key', '<input value="retry: q7Zx9Wv2Lm4K">'],
    ['a value with no separator before it', '<input value="tokenq7Zx9Wv2Lm4K">'],
    ['a password field', '<input type="password" value="token">'],
    ['a hidden field', '<input type="hidden" value="token">'],
    ['a text area holding a value', '<textarea>password1234</textarea>'],
    ['a script', '<script>var token</script>'],
  ])('leaves out %s', (_what, control) => {
    document.body.innerHTML = `<ul><li id="r">HTTP 401 ${control} <span>done</span></li></ul>`;
    expect(rowTextAsShown(document.getElementById('r')!, generic)).toBe('HTTP 401 done');
  });
});

describe('badgeSlot', () => {
  it.each([
    ['the last cell of a table row', '<table><tr id="r"><td>a</td><td id="slot">b</td></tr></table>'],
    ['the last non-empty cell of a table row', '<table><tr id="r"><td>a</td><td id="slot">b</td><td> </td></tr></table>'],
    [
      'not a trailing notes cell (an editing host) of a table row',
      '<table><tr id="r"><td id="slot">HTTP 500</td><td contenteditable="true">call them</td></tr></table>',
    ],
    [
      'not a trailing editable cell of an ARIA row',
      '<div role="row" id="r"><div role="gridcell" id="slot">HTTP 500</div><div role="gridcell" contenteditable="">notes</div></div>',
    ],
    [
      'the last non-empty cell of an ARIA grid row',
      '<div role="row" id="r"><div role="gridcell">a</div><div role="gridcell" id="slot">b</div><div role="gridcell"></div></div>',
    ],
    [
      'the last cell of a display: contents row',
      '<div style="display:grid"><div id="r" style="display:contents"><span>2024-05-01</span><span id="slot">HTTP 500</span></div></div>',
    ],
    ['the last cell of a grid row', '<div id="r" style="display:grid"><span>2024-05-01</span><span id="slot">HTTP 500</span></div>'],
    [
      'not a list, a control or an editor of a grid row',
      '<div id="r" style="display:contents"><span id="slot">HTTP 500</span><ul><li>x</li></ul><button>Retry</button><div contenteditable="true">x</div></div>',
    ],
    ['the row itself when it is a block of elements', '<div id="r"><span>2024-05-01</span><span>HTTP 500</span></div>'],
    ['the row itself when it has text of its own', '<div id="r"><b>503</b> Service Unavailable</div>'],
    ['the row itself otherwise', '<ul><li id="r">a</li></ul>'],
    [
      'the summary of a <details> row, the one part a closed details draws',
      '<details id="r"><summary id="slot">call 1 · Failed</summary><pre>HTTP/1.1 503 Service Unavailable</pre></details>',
    ],
  ])('%s', (_name, html) => {
    document.body.innerHTML = html;
    const row = document.getElementById('r')!;
    expect(badgeSlot(row)).toBe(document.getElementById('slot') ?? row);
  });

  const HIDDEN_LAST_CELLS = [
    [
      'a table row whose status column a media query hides',
      '<style>@media (min-width: 1px) { .narrow-hide { display: none } }</style><table><tr id="r"><td>a</td><td id="slot">b</td><td id="hidden" class="narrow-hide">503</td></tr></table>',
    ],
    [
      'an ARIA row',
      '<div role="row" id="r"><div role="gridcell" id="slot">a</div><div role="gridcell" id="hidden" style="display:none">503</div></div>',
    ],
  ];

  it.each(HIDDEN_LAST_CELLS)('shownSlot: the last shown cell of %s', (_name, html) => {
    document.body.innerHTML = html;
    expect(shownSlot(document.getElementById('r')!)).toBe(document.getElementById('slot'));
  });

  // A commit badges a fresh insertion before the page lays it out: one style read would compute
  // the style of every row inserted, inside our task. The hidden cell is left after layout.
  it.each(HIDDEN_LAST_CELLS)('reads no style for the cells of %s', (_name, html) => {
    document.body.innerHTML = html;
    const reads = vi.spyOn(window, 'getComputedStyle');
    try {
      expect(badgeSlot(document.getElementById('r')!)).toBe(document.getElementById('hidden'));
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });
});

describe('ERROR_HINT (the cheap pre-filter)', () => {
  it.each([
    'HTTP 403',
    '599 Connection Error',
    'connect: connection refused',
    'read: connection reset by peer',
    'x509: certificate',
    'EOF',
    'server misbehaving',
    'i/o timeout',
    'Bearer ###',
    'Retry-After: 30',
    'X-RateLimit-Remaining: 0',
    'no such host',
    'status:500',
    'webhook.failed.403',
    'we see lots of 503s',
    '500 errors',
  ])('passes %s', (text) => expect(ERROR_HINT.test(text)).toBe(true));
  it.each([
    'Sent',
    'May 3, 2025 10:42 AM',
    'ana@example.com',
    'Delivered',
    '200 OK',
    '301 Moved',
    // A candidate inside another number or with a unit (no detector reads those as statuses).
    '2024-04-04T03:04:18.475Z',
    'order #423 total $480.32 paid',
    'template v3.1.530 rendered',
    '1,500 contacts',
    'next attempt in 537 ms',
    'retry in 503 s',
    'payload 453 KB',
  ])('skips %s', (text) => {
    expect(ERROR_HINT.test(text)).toBe(false);
  });
  // The scanner reads only the length of a one-character text node (Scanner #hit).
  it('never passes a text of one character', () => {
    const passing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (ERROR_HINT.test(String.fromCharCode(code))) passing.push(String.fromCharCode(code));
    expect(passing).toEqual([]);
  });
});

describe('ERROR_HINT lets through every text the detectors report', () => {
  const pieces = [
    'HTTP',
    'status',
    'code',
    'error',
    'Response',
    'failed',
    ':',
    '=',
    '(',
    ')',
    ' ',
    '\n',
    '"',
    '{',
    '}',
    '#',
    '/',
    '403',
    '404',
    '429',
    '500',
    '503',
    '599',
    '200',
    '4000',
    'Forbidden',
    'Not Found',
    'Too Many Requests',
    'connect: connection refused',
    'read: connection reset by peer',
    'EOF',
    'i/o timeout',
    'no such host',
    'x509: certificate signed by unknown authority',
    'tls: handshake failure',
    'Authorization',
    'Bearer',
    '###',
    '{{ api_key }}',
    'X-Api-Key',
    'YOUR_API_KEY',
    'Retry-After',
    '30',
    'X-RateLimit-Remaining',
    '0',
    'password',
    'Statuscode',
    'ステータスコード',
    '状态码',
    'erreur',
    'user_',
    'order',
    'ms',
    ' ms',
    's',
    ' s',
    'KB',
    '.',
    ',',
    '$',
    '-',
  ];
  it('for a list of codes joined by a slash (found by the property below)', () => {
    const text = 'HTTP HTTP429/503';
    expect(detectAll(text).length).toBeGreaterThan(0);
    expect(ERROR_HINT.test(text)).toBe(true);
  });
  it('for a code after its reason phrase, with a unit after it (found by the property below)', () => {
    const text = 'Too Many Requests 429 s';
    expect(detectAll(text).length).toBeGreaterThan(0);
    expect(ERROR_HINT.test(text)).toBe(true);
    expect(ERROR_HINT.test('took 429 s')).toBe(false);
  });
  it('for a list of codes joined by a comma (found by the property below)', () => {
    const text = 'HTTP: HTTP404,599';
    expect(detectAll(text).length).toBeGreaterThan(0);
    expect(ERROR_HINT.test(text)).toBe(true);
    expect(ERROR_HINT.test('order 1,450 placed')).toBe(false);
  });
  it('for generated log-like text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 12 }),
        fc.array(fc.constantFrom('', ' ', ': '), { maxLength: 12 }),
        (parts, glue) => {
          const text = parts.map((part, i) => part + (glue[i] ?? '')).join('');
          if (detectAll(text).length > 0) expect(ERROR_HINT.test(text), text).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('a value drawn in a cell component', () => {
  it('stays in its row once our badge is in the cell (fuzz counterexample)', () => {
    const table = document.createElement('div');
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    row.append(cell);
    table.append(row);
    document.body.append(table);
    const drawn = document.createElement('div');
    drawn.textContent = 'HTTP 500 Internal Server Error';
    cell.attachShadow({ mode: 'open' }).append(drawn);
    expect(rowFor(drawn.firstChild!, generic)).toBe(row);
    expect(rowText(row, generic)).toBe('HTTP 500 Internal Server Error');
    cell.append(createBadge(document, () => undefined));
    expect(rowText(row, generic)).toBe('HTTP 500 Internal Server Error');
    table.remove();
  });
});
