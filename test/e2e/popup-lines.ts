// The popup's overview at 360 px in both browsers, with every kind of tag ("Network" is the
// widest) and long titles: no part of a line drawn over another, no word of a title cut, nothing
// wider than the popup. The popup is short enough to scroll: its scroll bar takes width from the lines.
export const LINES_URL = 'https://app.hubspot.com/workflows/1/platform/flow/lines/history';
export const LINES_HTML = `<!doctype html><title>History</title><ul>
  <li>dial tcp 10.0.0.1:443: connect: connection refused</li>
  <li>getaddrinfo ENOTFOUND api.example.com</li>
  <li>HTTP 403 Forbidden</li>
  <li>HTTP 503 Service Unavailable</li>
  <li>HTTP 401 Unauthorized</li>
  <li>Authorization: Bearer ###</li>
</ul>`;
export const LINES_BADGES = 6;
export const POPUP_WIDTH = 360;

/** Evaluated in the popup page: every overlap between the parts of a line, and any overflow. */
export const LINE_OVERLAPS = `(() => {
  const problems = [];
  for (const line of document.querySelectorAll('.triage__line')) {
    // The box of each part's text, not of its grid cell: text that does not fit runs out of its cell.
    const box = (name) => {
      const range = document.createRange();
      range.selectNodeContents(line.querySelector('.triage__' + name));
      return range.getBoundingClientRect();
    };
    const names = ['code', 'title', 'count', 'mark'];
    const boxes = names.map(box);
    const tag = line.querySelector('.triage__code').textContent;
    const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    names.forEach((a, i) => names.slice(i + 1).forEach((b, j) => {
      if (meet(boxes[i], boxes[i + 1 + j])) problems.push(tag + ': ' + a + ' drawn over ' + b);
    }));
    const edge = line.getBoundingClientRect().right;
    if (boxes.some((b) => b.right > edge)) problems.push(tag + ': text runs out of the line');
    // A word cut in two across lines is drawn as two boxes.
    const text = line.querySelector('.triage__title').firstChild;
    for (const match of text.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      if (range.getClientRects().length > 1) problems.push(tag + ': the word "' + match[0] + '" is cut');
    }
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push('the popup scrolls sideways');
  return problems;
})()`;
