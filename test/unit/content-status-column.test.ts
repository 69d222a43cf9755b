// @vitest-environment happy-dom
// When a lone number is a status: what names its column or its pair, in the shapes component
// libraries draw (detached header tables, aria-colindex grids, div grids, <dl>, cards, chips).
import { describe, it, expect, beforeEach } from 'vitest';
import { captionCellOf, namesStatus, statusInAlignedLine, statusInColumn, statusInFields } from '../../src/content/scan/status-column';
import { ERROR_HINT, rowFor, rowText } from '../../src/content/scan/rows';
import { generic } from '../../src/providers/generic';

beforeEach(() => {
  document.body.innerHTML = '';
});

const cell = (id: string): Element => document.getElementById(id)!;

describe('namesStatus', () => {
  it.each([
    'Response code',
    'Last response',
    'HTTP-Statuscode',
    'Código de respuesta',
    'HTTPステータス',
    'Delivery status',
    'Codice di risposta',
    '응답 코드',
    'Error',
    'status Code',
    'Állapotkód',
    'Cod de stare',
    'کد وضعیت',
    'Kod odpowiedzi zwrócony przez serwer',
    'รหัสสถานะที่ได้รับล่าสุดจากเซิร์ฟเวอร์',
  ])('%s names a status', (name) => expect(namesStatus(name)).toBe(true));
  it.each([
    'Response time',
    'Status ID',
    'Attempts',
    'Zip code',
    'Promo code',
    'Duration (ms)',
    'Error count',
    'Events',
    'Webhook ID',
    'Recipient',
    'Próbálkozások',
    'Durată (ms)',
    'Cod poștal',
    'Error code count',
    'Kod odpowiedzi (ms)',
    '',
  ])('%s does not', (name) => expect(namesStatus(name)).toBe(false));
});

describe('statusInColumn', () => {
  it.each<[string, string, string | null]>([
    [
      'a body table under a header table of its own',
      '<div><table><thead><tr><th>ID</th><th>Response code</th></tr></thead></table></div><div><table><tbody><tr><td>404</td><td id="c">502</td></tr></tbody></table></div>',
      '502',
    ],
    [
      'an ID column of that body table',
      '<div><table><thead><tr><th>ID</th><th>Response code</th></tr></thead></table></div><div><table><tbody><tr><td id="c">404</td><td>502</td></tr></tbody></table></div>',
      '',
    ],
    [
      'an ARIA cell placed by aria-colindex, out of DOM order',
      '<div role="grid"><div role="row"><div role="columnheader" aria-colindex="1">Retries</div><div role="columnheader" aria-colindex="2">HTTP Status</div></div><div role="row"><div role="gridcell" aria-colindex="2" id="c">503</div><div role="gridcell" aria-colindex="1">4</div></div></div>',
      '503',
    ],
    [
      'a div of a grid row under a header row of divs',
      '<div><div><div>Delivery</div><div>Status</div></div><div><div>7</div><div id="c">410</div></div></div>',
      '410',
    ],
    [
      'no header row when the first row holds numbers',
      '<div><div><div>1</div><div>500</div></div><div><div>2</div><div id="c">410</div></div></div>',
      null,
    ],
    ['a <dd> after its <dt>', '<dl><dt>Response code</dt><dd id="c">502</dd></dl>', '502'],
    ['a <dd> of a count', '<dl><dt>Attempt</dt><dd id="c">3</dd></dl>', ''],
    ['a value under its caption', '<div><span>Status code</span><span id="c">429</span></div>', '429'],
    ['a value after a state word stays text', '<div><span>Failed</span><span id="c">503</span></div>', null],
    [
      'a pill in a cell under a sortable header with hidden marks',
      '<table><tr><th>Last response<span aria-hidden="true">▼</span></th></tr><tr><td id="c"><span></span><span>503</span></td></tr></table>',
      '503',
    ],
    ['a responsive table cell naming itself', '<table><tr><td data-label="Status" id="c">500</td></tr></table>', '500'],
    ['a grid cell with a column id', '<div><div col-id="responseCode" id="c">504</div><div col-id="attempts">2</div></div>', '504'],
    [
      'a column headed by an icon with an accessible name',
      '<table><tr><th>Contact</th><th><svg role="img" aria-label="Status code"></svg></th></tr><tr><td>a</td><td id="c">503</td></tr></table>',
      '503',
    ],
    [
      'a code under a column group ("Response" over "Code")',
      '<table><thead><tr><th rowspan="2">To</th><th colspan="2">Response</th></tr><tr><th>Time (ms)</th><th>Code</th></tr></thead><tr><td>a</td><td>200</td><td id="c">500</td></tr></table>',
      '500',
    ],
    [
      'a time under the same group',
      '<table><thead><tr><th rowspan="2">To</th><th colspan="2">Response</th></tr><tr><th>Time (ms)</th><th>Code</th></tr></thead><tr><td>a</td><td id="c">502</td><td>200</td></tr></table>',
      '',
    ],
    [
      'an ARIA cell after a spacer of columns scrolled out',
      '<div role="grid"><div role="row"><div></div><div role="columnheader">Name</div><div role="columnheader">Resp. code</div><div role="columnheader">Attempts</div></div><div role="row"><div></div><div role="gridcell">x</div><div role="gridcell" id="c">410</div><div role="gridcell">1</div></div></div>',
      '410',
    ],
    [
      'the lines of one table cell are no row of divs',
      '<table><tr><td><div>a@example.com</div><div>Flow</div></td><td><div id="c">503</div><div>Service Unavailable</div></td></tr></table>',
      null,
    ],
    ['a status first among the fields of its cell', '<table><tr><th>Response</th></tr><tr><td id="c">502 · 1.2 s</td></tr></table>', '502'],
    ['a size first in its cell under another header', '<table><tr><th>Payload</th></tr><tr><td id="c">503 · 2 KB</td></tr></table>', null],
    [
      'a key/value row of two pairs: the <th> before a number names it',
      '<table><tr><th>Delivery</th><td>d1</td><th>Status</th><td>200</td></tr><tr><th>Request</th><td id="c">404</td><th>Duration (ms)</th><td>503</td></tr></table>',
      '',
    ],
    [
      'a key/value row of two pairs: a status after its <th>',
      '<table><tr><th>Delivery</th><td>d1</td><th>Status</th><td id="c">429</td></tr><tr><th>Attempts</th><td>3</td><th>Duration (ms)</th><td>502</td></tr></table>',
      '429',
    ],
    ['a row of two <th>: a status label, then its code', '<table><tr><th>Status</th><th id="c">503</th></tr></table>', '503'],
    [
      'a key/value row: a number after a <th> that names the outcome',
      '<table><tr><th>Webhook</th><td>w1</td><th>Result</th><td id="c">503</td></tr></table>',
      '503',
    ],
    [
      'a column headed by an icon named by the tooltip it points to',
      '<div role="tooltip" id="t" hidden>Status code</div><div role="table"><div role="row"><div role="columnheader">To</div><div role="columnheader" aria-labelledby="t"><i></i></div></div><div role="row"><div role="cell">a</div><div role="cell" id="c">401</div></div></div>',
      '401',
    ],
    [
      'a column headed by an icon whose tooltip names something else',
      '<div role="tooltip" id="t" hidden>Retries</div><div role="table"><div role="row"><div role="columnheader">To</div><div role="columnheader" aria-labelledby="t"><i></i></div></div><div role="row"><div role="cell">a</div><div role="cell" id="c">404</div></div></div>',
      '',
    ],
    [
      'a cell naming a day group, its row and its column by headers',
      '<table><tr><th id="h1">To</th><th id="h2">Response</th><th id="h3">Retries</th></tr><tr><th id="d" colspan="3" scope="colgroup">5 December</th></tr><tr><th id="r" scope="row" headers="d h1">a</th><td headers="d r h2" id="c">500</td><td headers="d r h3">2</td></tr></table>',
      '500',
    ],
    [
      'the retries cell of that row',
      '<table><tr><th id="h1">To</th><th id="h2">Response</th><th id="h3">Retries</th></tr><tr><th id="d" colspan="3" scope="colgroup">5 December</th></tr><tr><th id="r" scope="row" headers="d h1">a</th><td headers="d r h2">200</td><td headers="d r h3" id="c">404</td></tr></table>',
      '',
    ],
    [
      'a div row under a header line kept outside its scroller',
      '<div><div><div>To</div><div>Status</div><div>Attempts</div></div><div><div><div><div>a</div><div id="c">502</div><div>3</div></div></div></div></div>',
      '502',
    ],
    [
      'an attempts cell under that header line',
      '<div><div><div>To</div><div>Status</div><div>Attempts</div></div><div><div><div><div>a</div><div>200</div><div id="c">404</div></div></div></div></div>',
      '',
    ],
    [
      'a line before the scroller that names no status is no header',
      '<div><div><div>Export</div><div>Filter</div><div>Share</div></div><div><div><div><div>a</div><div id="c">502</div><div>3</div></div></div></div></div>',
      null,
    ],
    [
      'a div row under a detached header line whose captions are sort buttons with icons',
      '<div><div><div><button><svg><path></path></svg>To</button></div><div><button><svg></svg>Status</button></div><div><button>Attempts</button></div></div><div><div><div><div>a</div><div id="c">502</div><div>3</div></div></div></div></div>',
      '502',
    ],
    [
      'captions of words in spans alone are no header line (they may be a data row)',
      '<div><div><div><span>To</span></div><div><span>Status</span></div><div><span>Attempts</span></div></div><div><div><div><div>a</div><div id="c">502</div><div>3</div></div></div></div></div>',
      null,
    ],
    [
      'a caption holding a link is no header line',
      '<div><div><div><a href="#">To</a></div><div><button>Status</button></div><div><svg></svg>Attempts</div></div><div><div><div><div>a</div><div id="c">502</div><div>3</div></div></div></div></div>',
      null,
    ],
    [
      'a row in the third of a run of <details>, under the header line before the run',
      '<div><div><div>To</div><div>Status</div><div>Attempts</div></div><details><summary><span>a</span><span>500</span><span>4</span></summary></details><details><summary><span>b</span><span>200</span><span>2</span></summary></details><details><summary><span>c</span><span id="c">408</span><span>5</span></summary></details></div>',
      '408',
    ],
    [
      'the attempts of that row',
      '<div><div><div>To</div><div>Status</div><div>Attempts</div></div><details><summary><span>a</span><span>500</span><span>4</span></summary></details><details><summary><span>b</span><span>200</span><span id="c">404</span></summary></details></div>',
      '',
    ],
    [
      "a div row under a header line that is not among its parent's first children",
      '<section><h2>Log</h2><div>toolbar</div><div>filters</div><div>tabs</div><div><div>Event</div><div>Status</div><div>Time</div></div><div><div><div>a</div><div id="c">503</div><div>3</div></div></div></section>',
      '503',
    ],
    [
      'a run of boxes after a line that names no status',
      '<div><div><div>To</div><div>Export</div><div>Share</div></div><details><summary><span>a</span><span>500</span><span>4</span></summary></details><details><summary><span>c</span><span id="c">408</span><span>5</span></summary></details></div>',
      null,
    ],
    [
      'a div row above a caption line pinned after its scroller',
      '<div><div><div><div><div>a</div><div id="c">503</div><div>4</div></div></div></div><div><div>To</div><div>Status</div><div>Attempts</div></div></div>',
      '503',
    ],
    [
      'an attempts cell above that caption line',
      '<div><div><div><div><div>a</div><div>200</div><div id="c">500</div></div></div></div><div><div>To</div><div>Status</div><div>Attempts</div></div></div>',
      '',
    ],
    [
      'a row a rowspan cell above leaves a cell short: its status by column, not position',
      '<table><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr><tr><td rowspan="2">a</td><td>1</td><td>503</td><td>30</td></tr><tr><td>2</td><td id="c">429</td><td>12</td></tr></table>',
      '429',
    ],
    [
      'the duration of that short row',
      '<table><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr><tr><td rowspan="2">a</td><td>1</td><td>503</td><td>30</td></tr><tr><td>2</td><td>200</td><td id="c">404</td></tr></table>',
      '',
    ],
    [
      'a row a <th scope=row rowspan> header above leaves a cell short: its status by column',
      '<table><thead><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr></thead><tbody><tr><th scope="row" rowspan="2">a</th><td>1</td><td>503</td><td>30</td></tr><tr><td>2</td><td id="c">429</td><td>12</td></tr></tbody></table>',
      '429',
    ],
    [
      'the duration of the row under that row header',
      '<table><thead><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr></thead><tbody><tr><th scope="row" rowspan="2">a</th><td>1</td><td>503</td><td>30</td></tr><tr><td>2</td><td>200</td><td id="c">404</td></tr></tbody></table>',
      '',
    ],
    [
      'a body row header holding an ID link (a Django admin list) is named by its column: no status',
      '<table><thead><tr><th>ID</th><th>Target</th><th>Response status</th></tr></thead><tbody><tr><th id="c"><a href="/d/404/">404</a></th><td>/a</td><td>502</td></tr></tbody></table>',
      '',
    ],
    [
      'the status cell of that row',
      '<table><thead><tr><th>ID</th><th>Target</th><th>Response status</th></tr></thead><tbody><tr><th><a href="/d/404/">404</a></th><td>/a</td><td id="c">502</td></tr></tbody></table>',
      '502',
    ],
    [
      'rowspan="0" spans to the end of its <tbody>: the last row is a cell short too',
      '<table><thead><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr></thead><tbody><tr><td rowspan="0">a</td><td>1</td><td>503</td><td>30</td></tr><tr><td>2</td><td>200</td><td>45</td></tr><tr><td>3</td><td id="c">502</td><td>12</td></tr></tbody></table>',
      '502',
    ],
    [
      'a duration in the last row under rowspan="0"',
      '<table><thead><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr></thead><tbody><tr><td rowspan="0">a</td><td>1</td><td>503</td><td>30</td></tr><tr><td>2</td><td>200</td><td>45</td></tr><tr><td>3</td><td>200</td><td id="c">504</td></tr></tbody></table>',
      '',
    ],
    [
      'rowspan="0" stops at the end of its <tbody>: the next group\'s rows are whole',
      '<table><thead><tr><th>To</th><th>At</th><th>Status</th><th>ms</th></tr></thead><tbody><tr><td rowspan="0">a</td><td>1</td><td>503</td><td>30</td></tr></tbody><tbody><tr><td>b</td><td>1</td><td id="c">429</td><td>12</td></tr></tbody></table>',
      '429',
    ],
    [
      'a header cell with rowspan="0" covers every header row below it',
      '<table><thead><tr><th rowspan="0">To</th><th colspan="2">Response</th></tr><tr><th>Code</th><th>Time (ms)</th></tr></thead><tbody><tr><td>a</td><td>200</td><td id="c">502</td></tr></tbody></table>',
      '',
    ],
    ['a <dd> after "Try"', '<dl><dt>Try</dt><dd id="c">404</dd></dl>', ''],
    [
      'a chip whose tooltip names a status',
      '<div><div>x</div><div><span title="Last response" id="c">504</span><span>4 attempts</span></div></div>',
      '504',
    ],
    [
      'a chip whose tooltip names something else',
      '<div><div>x</div><div><span title="Copy" id="c">504</span><span>4 attempts</span></div></div>',
      null,
    ],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = html;
    expect(statusInColumn(cell('c'))).toBe(expected);
  });
});

describe('statusInColumn: Eastern Arabic digits', () => {
  it('reads "٥٠٣" under a status header as 503, and leaves durations and attempts out', () => {
    document.body.innerHTML =
      '<table dir="rtl"><tr><th>رمز الحالة</th><th>المحاولات</th><th>المدة (مللي ثانية)</th></tr><tr id="r"><td id="c">٥٠٣</td><td id="t">٣</td><td id="d">۵۰۲</td></tr><tr><td id="ok">٢٠٠</td><td>١</td><td>٤٢</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('503');
    expect(statusInColumn(cell('t'))).toBe('');
    expect(statusInColumn(cell('d'))).toBe('');
    expect(statusInColumn(cell('ok'))).toBe('200');
    expect(rowText(cell('r'), generic)).toBe('HTTP 503');
    expect(ERROR_HINT.test('٥٠٣')).toBe(true);
    expect(ERROR_HINT.test('٢٠٠')).toBe(false);
  });
  it('reads a code between directional marks (U+200E, U+200F) as the bare number a reader sees', () => {
    document.body.innerHTML =
      '<table dir="rtl"><tr><th>وضعیت</th><th>مدت (ms)</th></tr><tr id="r"><td id="c">\u200f404\u200f</td><td id="d">\u200e502\u200e</td></tr><tr><td id="ok">\u200e200\u200e</td><td>47</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('404');
    expect(statusInColumn(cell('d'))).toBe('');
    expect(statusInColumn(cell('ok'))).toBe('200');
    expect(rowText(cell('r'), generic)).toBe('HTTP 404');
  });
});

describe('statusInColumn: what a reader leaves out of a number', () => {
  it('reads a code beside an icon-font glyph (a private-use character), in an <i> or in the text', () => {
    document.body.innerHTML =
      '<table><tr><th>Status</th><th>Took (ms)</th></tr><tr id="r"><td id="c"><i>\ue002</i>503</td><td id="d"><i>\ue192</i>502</td></tr><tr><td id="t">\uf071 401</td><td>88</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('503');
    expect(statusInColumn(cell('d'))).toBe('');
    expect(statusInColumn(cell('t'))).toBe('401');
    expect(rowText(cell('r'), generic)).toBe('HTTP 503');
  });
  it('reads a code before a footnote mark, and a longer superscript as part of the value', () => {
    document.body.innerHTML =
      '<table><tr><th>Status</th><th>Size</th></tr><tr><td id="c">503<sup><a href="#n1">1</a></sup></td><td id="d">502<sup>*</sup></td></tr><tr><td id="p">5<sup>123</sup></td><td>1</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('503');
    expect(statusInColumn(cell('d'))).toBe('');
    expect(statusInColumn(cell('p'))).toBe('');
  });
  it('reads a number grouped by thousands with a space as one number, not a code', () => {
    document.body.innerHTML =
      '<table><tr><th>Statut</th><th>Envois</th></tr><tr id="r"><td id="c">200</td><td id="n">2\u202f429</td></tr><tr><td id="s">1\u00a0502</td><td>3 500</td></tr></table>';
    expect(statusInColumn(cell('n'))).toBe('');
    expect(statusInColumn(cell('s'))).toBe('');
    expect(rowText(cell('r'), generic)).toBe('HTTP 200');
  });
  it('reads a number grouped by an apostrophe or by dots as one number, not a code', () => {
    document.body.innerHTML =
      '<table><tr><th>Status</th><th>Calls</th><th>Bytes</th></tr><tr id="r"><td>200</td><td id="a">1\'502</td><td id="d">2.404.500</td></tr><tr><td id="s">1\u2019503</td><td>3</td><td>4</td></tr></table>';
    expect(statusInColumn(cell('a'))).toBe('');
    expect(statusInColumn(cell('d'))).toBe('');
    expect(statusInColumn(cell('s'))).toBe('');
    expect(rowText(cell('r'), generic)).toBe('HTTP 200');
  });
  it('reads the first of several codes in a status cell, not a number grouped by thousands', () => {
    document.body.innerHTML = '<table><tr><th>Status</th><th>Attempts</th></tr><tr><td id="c">503 502</td><td id="n">2</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('503');
  });
});

describe('statusInColumn: header names a reader sees', () => {
  it('reads a value by the caption it points at with aria-labelledby', () => {
    document.body.innerHTML =
      '<div class="card"><div><span id="l1">Response</span><span id="l2">Time (ms)</span></div><div><span id="c" aria-labelledby="l1">503</span><span id="t" aria-labelledby="l2">429</span></div></div>';
    expect(statusInColumn(cell('c'))).toBe('503');
    expect(statusInColumn(cell('t'))).toBe('');
  });
  it('never reads a long aria-labelledby label whole (a page may point every cell at a huge one)', () => {
    document.body.innerHTML =
      '<div class="card"><div><pre id="l1"></pre></div><div><span id="c" aria-labelledby="l1">503</span><span>x</span></div></div>';
    const label = cell('l1');
    label.textContent = `Response ${'x'.repeat(100_000)}`;
    Object.defineProperty(label, 'textContent', {
      get: () => {
        throw new Error('read whole');
      },
    });
    expect(statusInColumn(cell('c'))).not.toBe('503');
  });
  it('reads a caption line of spans beside sort icons as the header of div rows', () => {
    document.body.innerHTML =
      '<div><div class="l"><div><span>Endpoint</span><i class="sort"></i></div><div><span>Status</span><i class="sort"></i></div><div><span>Latency (ms)</span><i>\uE5C5</i></div></div>' +
      '<div class="l"><div>/a</div><div id="c">500</div><div id="t">429</div></div><div class="l"><div>/b</div><div>200</div><div>31</div></div></div>';
    expect(statusInColumn(cell('c'))).toBe('500');
    expect(statusInColumn(cell('t'))).toBe('');
  });
  it('keeps words in an <i> a data cell, not a sort icon', () => {
    document.body.innerHTML =
      '<div><div class="l"><div><span>Endpoint</span><i>new</i></div><div><span>Status</span><i>old</i></div></div>' +
      '<div class="l"><div>/a</div><div id="c">500</div></div><div class="l"><div>/b</div><div>200</div></div></div>';
    expect(statusInColumn(cell('c'))).toBeNull();
  });

  it('reads an <abbr> header by its title', () => {
    document.body.innerHTML =
      '<table><tr><th><abbr title="HTTP response code">RC</abbr></th><th><abbr title="Round-trip time in milliseconds">RTT</abbr></th><th><abbr title="Response code">#</abbr> of tries</th></tr><tr><td id="c">500</td><td id="d">503</td><td id="t">404</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('500');
    expect(statusInColumn(cell('d'))).toBe('');
    // The abbreviation is only part of this header: its own words name the column.
    expect(statusInColumn(cell('t'))).toBe('');
  });
  it('reads a column-picker header by the option it shows', () => {
    document.body.innerHTML =
      '<table><tr><th><select><option>Attempts</option><option selected>Status</option></select></th><th><select><option selected>Attempts</option><option>Status</option></select></th></tr><tr><td id="c">503</td><td id="t">429</td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('503');
    expect(statusInColumn(cell('t'))).toBe('');
  });
});

describe('rowFor: rows drawn by repeated components', () => {
  const drawRow = (host: Element, cells: string[]): ShadowRoot => {
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<div class="row">${cells.map((c) => `<span>${c}</span>`).join('')}</div>`;
    return root;
  };
  it('takes the line a <delivery-row> draws in its shadow root for the row, under the caption line outside', () => {
    document.body.innerHTML =
      '<div class="cap"><span>To</span><span>Attempts</span><span>Status</span></div><div class="rows"><x-row id="a"></x-row><x-row id="b"></x-row></div>';
    const root = drawRow(cell('a'), ['ann.bird@example.com (orders)', '3', '502']);
    drawRow(cell('b'), ['bob.cole@example.com (orders)', '1', '200']);
    const code = root.querySelectorAll('span')[2]!;
    const row = rowFor(code.firstChild!, generic);
    expect(row).toBe(root.querySelector('.row'));
    expect(statusInColumn(code)).toBe('502');
    expect(statusInColumn(root.querySelectorAll('span')[1]!)).toBe('');
    expect(rowText(row!, generic)).toBe('ann.bird@example.com (orders)\nHTTP 502');
  });
  it('takes a very short line of three cells or more a repeated component draws for the row', () => {
    document.body.innerHTML =
      '<div class="cap"><span>Path</span><span>Status</span><span>Tries</span></div><div class="rows"><x-row id="a"></x-row><x-row id="b"></x-row></div>';
    const root = drawRow(cell('a'), ['/b/o', '502', '2']);
    drawRow(cell('b'), ['/b/u', '200', '1']);
    const code = root.querySelectorAll('span')[1]!;
    expect(rowFor(code.firstChild!, generic)).toBe(root.querySelector('.row'));
    expect(statusInColumn(code)).toBe('502');
  });
  it('takes no chip of a code and its reason for a row, two of them side by side in one cell', () => {
    document.body.innerHTML = '<table><tr id="r"><td>step</td><td><x-chip id="a"></x-chip><x-chip id="b"></x-chip></td></tr></table>';
    const root = drawRow(cell('a'), ['502', 'Bad Gateway']);
    drawRow(cell('b'), ['200', 'OK']);
    expect(rowFor(root.querySelector('span')!.firstChild!, generic)).not.toBe(root.querySelector('.row'));
  });
  it('leaves two chips side by side in one cell to the row they sit in', () => {
    document.body.innerHTML = '<table><tr id="r"><td>step</td><td><x-chip id="a"></x-chip><x-chip id="b"></x-chip></td></tr></table>';
    const root = drawRow(cell('a'), ['502']);
    drawRow(cell('b'), ['200']);
    expect(rowFor(root.querySelector('span')!.firstChild!, generic)).toBe(cell('r'));
  });
});

describe("statusInColumn: values projected into a component's named slots", () => {
  it('names a slotted value by the caption its shadow root draws beside the slot', () => {
    document.body.innerHTML =
      '<div><x-card id="h"><span slot="url">/a</span><span slot="status" id="c">500</span><span slot="ms" id="d">502</span></x-card><x-card><span slot="url">/b</span><span slot="status">200</span><span slot="ms">4</span></x-card></div>';
    const root = cell('h').attachShadow({ mode: 'open' });
    root.innerHTML =
      '<div><div><span>Endpoint</span><slot name="url"></slot></div><div><span>Status</span><slot name="status"></slot></div><div><span>Latency (ms)</span><slot name="ms"></slot></div></div>';
    expect(statusInColumn(cell('c'))).toBe('500');
    expect(statusInColumn(cell('d'))).toBe('');
    expect(rowText(cell('h'), generic)).toContain('HTTP 500');
  });
  it('names nothing by a slot whose line holds more than its caption', () => {
    document.body.innerHTML = '<x-card id="h"><span slot="status" id="c">500</span></x-card>';
    cell('h').attachShadow({ mode: 'open' }).innerHTML = '<div><span>Status</span><slot name="status"></slot><span>extra</span></div>';
    expect(statusInColumn(cell('c'))).toBe(null);
  });
});

describe("statusInColumn: rows projected into a component's default slot", () => {
  const rows =
    '<x-table id="h"><div class="r"><span>/a</span><span id="c">502</span><span id="d">404</span></div><div class="r"><span>/b</span><span>200</span><span>12</span></div></x-table>';
  it("names a row's cells by the caption line its shadow root draws just before the slot", () => {
    document.body.innerHTML = rows;
    cell('h').attachShadow({ mode: 'open' }).innerHTML =
      '<div class="cap"><div>Path</div><div>Status</div><div>Duration (ms)</div></div><slot></slot>';
    expect(statusInColumn(cell('c'))).toBe('502');
    expect(statusInColumn(cell('d'))).toBe('');
  });
  it('names nothing when the line before the slot names no status, or the rows go to a named slot', () => {
    document.body.innerHTML = rows;
    cell('h').attachShadow({ mode: 'open' }).innerHTML =
      '<div class="cap"><div>Path</div><div>Kind</div><div>Time</div></div><slot></slot>';
    expect(statusInColumn(cell('d'))).toBe(null);
    document.body.innerHTML = rows.replace(/<div class="r">/g, '<div class="r" slot="body">');
    cell('h').attachShadow({ mode: 'open' }).innerHTML =
      '<div class="cap"><div>Path</div><div>Status</div><div>Duration (ms)</div></div><slot></slot><slot name="body"></slot>';
    expect(statusInColumn(cell('c'))).toBe(null);
  });
});

describe('statusInColumn: gauges', () => {
  it('reads the label beside a <meter>, not the fallback text inside it', () => {
    document.body.innerHTML =
      '<table><tr><th>Last response</th><th>Latency</th></tr><tr><td id="c"><meter min="100" max="599" value="502">502</meter><span>502</span></td><td id="d"><meter max="2000" value="404">404 ms</meter><span>404</span></td></tr></table>';
    expect(statusInColumn(cell('c'))).toBe('502');
    expect(statusInColumn(cell('d'))).toBe('');
    const row = rowFor(cell('c').querySelector('span')!.firstChild!, generic);
    expect(rowText(row!, generic)).toBe('HTTP 502');
  });
  it('leaves the fallback of a <progress> out of the row text', () => {
    document.body.innerHTML = '<div id="r"><span>Retries</span> <progress max="5" value="3">503 of 5</progress> <span>3 / 5</span></div>';
    expect(rowText(cell('r'), generic)).toBe('Retries 3 / 5');
  });
});

describe('statusInColumn: a code drawn by components', () => {
  it('reads a status chip drawn in a shadow root inside a shadow root', () => {
    document.body.innerHTML = '<table><tr><th>Status</th></tr><tr><td id="c"><x-status></x-status></td></tr></table>';
    const inner = document.createElement('x-chip');
    inner.attachShadow({ mode: 'open' }).innerHTML = '<style>span{color:red}</style><span>500</span>';
    document.querySelector('x-status')!.attachShadow({ mode: 'open' }).append(inner);
    expect(statusInColumn(cell('c'))).toBe('500');
    const row = rowFor(inner.shadowRoot!.querySelector('span')!.firstChild!, generic);
    expect(row?.tagName).toBe('TR');
    expect(rowText(row!, generic)).toBe('HTTP 500');
  });
});

describe('rowFor: a component with content of its own keeps its rows', () => {
  it('a short line drawn beside slotted content stays a row of the shadow root', () => {
    document.body.innerHTML = '<table><tr><td><x-panel id="h"><b>slotted</b></x-panel></td></tr></table>';
    const root = cell('h').attachShadow({ mode: 'open' });
    root.innerHTML = '<span>HTTP 502</span><slot></slot>';
    const row = rowFor(root.querySelector('span')!.firstChild!, generic);
    expect(row?.tagName).toBe('SPAN');
  });
});

describe('statusInAlignedLine', () => {
  const log = (lines: string[]) => {
    document.body.innerHTML = `<pre>${lines.map((line, i) => `<span id="l${i}">${line}</span>`).join('\n')}</pre>`;
  };
  it('reads the field under a STATUS header and no other', () => {
    log(['TIME   METHOD  STATUS  MS     URL', '10:41  POST    502     30000  /b', '10:42  POST    204     503    /c']);
    expect(statusInAlignedLine(cell('l1').firstChild as Text)).toBe('502');
    expect(statusInAlignedLine(cell('l2').firstChild as Text)).toBe('204');
  });
  it('reads nothing without a header line naming a status', () => {
    log(['TIME   METHOD  CODE2  MS', '10:41  POST    502    30000']);
    expect(statusInAlignedLine(cell('l1').firstChild as Text)).toBeNull();
    log(['TIME   METHOD  BYTES  MS', '10:41  POST    502    300']);
    expect(statusInAlignedLine(cell('l1').firstChild as Text)).toBeNull();
  });
});

describe('statusInFields', () => {
  it.each<[string, string | null]>([
    ['Attempt 3 · 503 · 1.2 s', '503'],
    ['Retry 2 | 429 | 80 ms', '429'],
    ['Attempt 2 · 200 · 340 ms', '200'],
    ['Batch 7 · 500 users · 2.1 s', null],
    ['Order · 404 · shipped', null],
    ['Attempt 3 503 1.2 s', null],
    ['09:00 · Attempt 1 → 503 · next in 429 s', '503'],
    ['Retry 2 -> 429 · 80 ms', '429'],
    ['Attempt 2 → 200 · 502 ms', '200'],
    ['Order 5 → 404 · shipped', null],
    ['Attempt 1 → 5030 · queued', null],
    ['Delivery attempt 2 of 5 → 502 · 1.1 s', '502'],
    ['09:00 · Retry #3 => 504', '504'],
    ['09:22 · Attempt 3 (final) → 500', '500'],
    // Only a count may stand between the call word and the arrow: a delay or a size is no status.
    ['09:00 · Retry delay → 500 · next in 2 s', null],
    ['Request size -> 512 · Attempt 2', null],
  ])('%s', (line, expected) => expect(statusInFields(line)).toBe(expected));
});

describe('rows of pairs and abbreviated values', () => {
  it('a <dl> pair belongs to the panel above its list, read without its status label', () => {
    document.body.innerHTML =
      '<section id="p"><h2>to a@example.com</h2><dl><dt>Profile ID</dt><dd>404</dd><dt>Response code</dt><dd id="v">502</dd></dl></section>';
    const row = rowFor(cell('v').firstChild!, generic);
    expect(row?.id).toBe('p');
    expect(rowText(row!, generic)).toBe('to a@example.com\nProfile ID\nHTTP 502');
  });

  it('a card of label/value lines is one row, its status named by its label, not by its first line', () => {
    document.body.innerHTML =
      '<div class="card" id="p"><div class="kv"><span>Endpoint</span><span>hooks.example.com/a</span></div><div class="kv"><span>Response code</span><span id="v">422</span></div><div class="kv"><span>Retries</span><span>0</span></div></div>' +
      '<div class="card"><div class="kv"><span>Endpoint</span><span>hooks.example.com/b</span></div><div class="kv"><span>Response code</span><span>200</span></div><div class="kv"><span>Retries</span><span>0</span></div></div>';
    expect(statusInColumn(cell('v'))).toBe('422');
    const row = rowFor(cell('v').firstChild!, generic);
    expect(row?.id).toBe('p');
    expect(rowText(row!, generic)).toBe('Endpoint hooks.example.com/a\nHTTP 422\nRetries');
  });

  it('a line of label/value pairs inside repeated cards describes its card: the card is the row', () => {
    const card = (id: string, url: string, code: string, valueId = '') =>
      `<article id="${id}"><header>${url}</header><p>renewed</p><footer><span><span class="k">HTTP</span><span${valueId ? ` id="${valueId}"` : ''}>${code}</span></span><span><span class="k">Took</span><span>640 ms</span></span></footer></article>`;
    document.body.innerHTML = `<section>${card('c1', 'hooks.example.org/a', '500', 'v')}${card('c2', 'hooks.example.org/b', '200')}</section>`;
    expect(rowFor(cell('v').firstChild!, generic)?.id).toBe('c1');
    // A lone card's footer is still its own record: nothing repeats above it.
    document.body.innerHTML = `<section>${card('c3', 'hooks.example.org/c', '500', 'w')}</section>`;
    expect(rowFor(cell('w').firstChild!, generic)?.tagName).toBe('FOOTER');
  });

  it('a stat tile of a status label over its value describes its card; other tiles and lone tiles keep their row', () => {
    const stat = (label: string, value: string, id = '') =>
      `<div class="stat"><dl><dt>${label}</dt><dd${id ? ` id="${id}"` : ''}>${value}</dd></dl></div>`;
    const card = (id: string, url: string, code: string, codeId = '', triesId = '') =>
      `<div class="card" id="${id}"><div class="u">${url}</div><div class="stats">${stat('Response', code, codeId)}${stat('Attempts', '3', triesId)}${stat('Latency (ms)', '404')}</div></div>`;
    document.body.innerHTML = `<div>${card('c1', 'hooks.example.org/a', '503', 'v', 't')}${card('c2', 'hooks.example.org/b', '200')}</div>`;
    expect(rowFor(cell('v').firstChild!, generic)?.id).toBe('c1');
    expect(rowFor(cell('t').firstChild!, generic)?.className).toBe('stat');
    // Nothing repeats above the tiles of a lone card: the tile stays its own row.
    document.body.innerHTML = `<div>${card('c3', 'hooks.example.org/c', '503', 'w')}</div>`;
    expect(rowFor(cell('w').firstChild!, generic)?.className).toBe('stat');
  });

  it('a stat tile climbs to a card of its own shape only: not a grid column, a card of two status tiles or of a list', () => {
    const stat = (label: string, value: string, id = '') =>
      `<div class="stat"><dl><dt>${label}</dt><dd${id ? ` id="${id}"` : ''}>${value}</dd></dl></div>`;
    const stats = (code: string, codeId = '') => `<div class="stats">${stat('Response', code, codeId)}${stat('Attempts', '3')}</div>`;
    // A lone card in a Bootstrap grid: the columns repeat, the card does not.
    document.body.innerHTML =
      `<div class="row"><div class="col-md-6"><div class="card"><div class="u">hooks.example.org/a</div>${stats('503', 'v')}</div></div>` +
      '<div class="col-md-6"><div class="panel"><h3>Team</h3><p>Owners: ops</p></div></div></div>';
    expect(rowFor(cell('v').firstChild!, generic)?.className).toBe('stat');
    // Two status tiles in one card are two rows, not one card.
    const twoCodes = (id: string, codeId = '') =>
      `<div class="card"><div class="u">hooks.example.org/${id}</div><div class="stats">${stat('Response', '503', codeId)}${stat('Status', '200')}</div></div>`;
    document.body.innerHTML = `<div>${twoCodes('a', 'v')}${twoCodes('b')}</div>`;
    expect(rowFor(cell('v').firstChild!, generic)?.className).toBe('stat');
    // A card that holds a list of deliveries is no one record.
    const withList = (id: string, codeId = '') =>
      `<div class="card"><div class="u">hooks.example.org/${id}</div>${stats('503', codeId)}<ul><li>d1 failed</li><li>d2 failed</li></ul></div>`;
    document.body.innerHTML = `<div>${withList('a', 'v')}${withList('b')}</div>`;
    expect(rowFor(cell('v').firstChild!, generic)?.className).toBe('stat');
  });

  it('a lone panel of label/value lines with a status is one row; a list of two-cell lines is not', () => {
    document.body.innerHTML =
      '<aside id="p"><div class="kv"><span>Target</span><span>hooks.example.com/a</span></div><div class="kv"><span>Status code</span><span id="v">504</span></div><div class="kv"><span>Attempts</span><span>3</span></div></aside>' +
      '<div><div class="e" id="e1"><span>Order shipped</span><span id="w">502</span></div><div class="e"><span>Welcome</span><span>200</span></div></div>';
    expect(rowFor(cell('v').firstChild!, generic)?.id).toBe('p');
    expect(rowFor(cell('w').firstChild!, generic)?.id).toBe('e1');
  });

  it('a details panel of twenty label/value lines with a status is still one row; a list of thirty is not', () => {
    const kv = (label: string, value: string, id = '') =>
      `<div class="kv"><span>${label}</span><span${id ? ` id="${id}"` : ''}>${value}</span></div>`;
    const fields = Array.from({ length: 18 }, (_, i) => kv(`Field ${i}`, `v${i}`)).join('');
    document.body.innerHTML = `<aside id="p">${kv('Target', 'hooks.example.com/a')}${fields}${kv('Status code', '502', 'v')}</aside>`;
    expect(rowFor(cell('v').firstChild!, generic)?.id).toBe('p');
    const many = Array.from({ length: 29 }, (_, i) => kv(`Field ${i}`, `v${i}`)).join('');
    document.body.innerHTML = `<div id="l">${many}${kv('Status code', '502', 'w')}</div>`;
    expect(rowFor(cell('w').firstChild!, generic)?.id).not.toBe('l');
  });

  it('a panel of attempts is a list: each attempt line stays a row of its own', () => {
    // Lines of more than a label and a value are entries; several status lines make a list.
    document.body.innerHTML =
      '<div class="wh"><div class="f"><span>Last status</span><span>500</span></div><div class="att" id="a1"><span>Attempt 1</span><span id="v">503</span><span>10:01</span></div><div class="att"><span>Attempt 2</span><span>502</span><span>10:02</span></div></div>';
    expect(rowFor(cell('v').firstChild!, generic)?.id).toBe('a1');
    document.body.innerHTML =
      '<div><div class="t" id="t1"><span>Attempt 1 status</span><span id="w">503</span></div><div class="t"><span>Attempt 2 status</span><span>502</span></div></div>';
    expect(rowFor(cell('w').firstChild!, generic)?.id).toBe('t1');
  });

  it('each of a run of <dl>s is a row of its own (one per attempt)', () => {
    document.body.innerHTML =
      '<section><dl id="a1"><div><dt>Try</dt><dd>1</dd></div><div><dt>HTTP</dt><dd id="v">503</dd></div></dl><dl id="a2"><div><dt>Try</dt><dd>2</dd></div><div><dt>HTTP</dt><dd>200</dd></div></dl></section>';
    expect(rowFor(cell('v').firstChild!, generic)?.id).toBe('a1');
  });

  it.each<[string, string, string]>([
    [
      'a chip showing a status class',
      '<div id="r">a@example.com <span title="404 Not Found">4xx</span></div>',
      'a@example.com \n404 Not Found',
    ],
    [
      'an icon with its code in aria-label',
      '<div id="r">b@example.com <span role="img" aria-label="HTTP 503"></span></div>',
      'b@example.com \nHTTP 503',
    ],
    [
      'a cut text with its full value in title',
      '<div id="r">c@example.com <span title="408 Request Timeout">408 Requ…</span></div>',
      'c@example.com \n408 Request Timeout',
    ],
    ['a bare code in a tooltip', '<div id="r">d@example.com <span title="429">4xx</span></div>', 'd@example.com \nHTTP 429'],
    [
      'an icon whose status is only in a data attribute',
      '<div id="r">e@example.com <span data-status="502"><svg></svg></span></div>',
      'e@example.com \nHTTP 502',
    ],
    ['an ID in a data attribute is not read', '<div id="r">f@example.com <span data-id="404"><svg></svg></span></div>', 'f@example.com '],
    [
      "a dot whose title Bootstrap's tooltip moved into data-bs-original-title",
      '<div id="r">/a <span class="dot" data-bs-toggle="tooltip" data-bs-original-title="503 Service Unavailable"></span></div>',
      '/a \n503 Service Unavailable',
    ],
    ['the same in Bootstrap 4 (data-original-title)', '<div id="r">/a <i data-original-title="HTTP 429"></i></div>', '/a \nHTTP 429'],
    [
      'a reason phrase whose code is the value of its <data> element',
      '<div id="r">/a <data value="503">Service Unavailable</data></div>',
      '/a \nHTTP 503 Service Unavailable',
    ],
    ['a <data> value beside other words (a size) is not read', '<div id="r">/a <data value="404">0.4 KB</data></div>', '/a  0.4 KB'],
    [
      'a title that repeats a whole text is not read',
      '<div id="r"><span title="Order 404">Order 404 shipped</span></div>',
      'Order 404 shipped',
    ],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = html;
    expect(rowText(cell('r'), generic)).toBe(expected);
  });
});

describe('captionCellOf: text put in a caption after its rows', () => {
  it('a header cell or an empty div caption beside others is a caption; a data cell never is', () => {
    document.body.innerHTML =
      '<div class="cap"><div id="c1">Endpoint</div><div id="c2">Status</div></div>' +
      '<table><thead><tr><th id="h">Status</th><th>URL</th></tr></thead><tbody><tr><td id="d">Error</td><td>hooks.example.com</td></tr></tbody></table>' +
      '<div role="grid"><div role="row"><div role="gridcell" id="g">Failed</div><div role="gridcell">x</div></div></div>';
    const textOf = (id: string) => document.getElementById(id)!.firstChild!;
    expect(captionCellOf(textOf('c2'))?.id).toBe('c2');
    expect(captionCellOf(textOf('h'))?.id).toBe('h');
    expect(captionCellOf(textOf('d'))).toBeNull();
    expect(captionCellOf(textOf('g'))).toBeNull();
  });

  it('the words of a caption drawn beside its sort icon name the control, not the span (a line of spans stays the line)', () => {
    document.body.innerHTML =
      '<div class="head"><div id="hc1"><span id="w1">Endpoint</span><i></i></div><div id="hc2"><span id="w2">Status</span><i></i></div></div>' +
      '<div id="line"><span id="s1">Endpoint</span><i></i><span id="s2">Status</span><i></i></div>';
    const textOf = (id: string) => document.getElementById(id)!.firstChild!;
    expect(captionCellOf(textOf('w2'))?.id).toBe('hc2');
    expect(captionCellOf(textOf('w1'))?.id).toBe('hc1');
    expect(captionCellOf(textOf('s2'))?.id).toBe('s2');
  });

  it('reads a handful of the children beside a caption span, not every icon of a long line', () => {
    document.body.innerHTML = `<div id="line"><span id="w">Status</span>${'<i></i>'.repeat(200)}</div>`;
    let reads = 0;
    for (const icon of document.querySelectorAll('#line > i'))
      Object.defineProperty(icon, 'textContent', {
        get: () => {
          reads++;
          return '';
        },
      });
    expect(captionCellOf(document.getElementById('w')!.firstChild!)?.id).toBe('w');
    // A caption control holds a handful of elements; a line of 200 is content, decided early.
    expect(reads).toBeLessThan(10);
  });
});
