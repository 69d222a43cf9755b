// The popup's overview at 360 px in both browsers, with every kind of tag ("Network" is the
// widest): each line's tag, title and mark side by side, none drawn over another, nothing wider
// than the popup.
export const LINES_URL = 'https://app.hubspot.com/workflows/1/platform/flow/lines/history';
export const LINES_HTML = `<!doctype html><title>History</title><ul>
  <li>dial tcp 10.0.0.1:443: connect: connection refused</li>
  <li>getaddrinfo ENOTFOUND api.example.com</li>
  <li>HTTP 403 Forbidden</li>
  <li>HTTP 503 Service Unavailable</li>
  <li>Authorization: Bearer ###</li>
</ul>`;
export const LINES_BADGES = 5;
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
    const [code, title, count, mark] = ['code', 'title', 'count', 'mark'].map(box);
    const tag = line.querySelector('.triage__code').textContent;
    if (code.right > Math.min(title.left, count.left)) problems.push(tag + ': tag runs into the title');
    if (Math.max(title.right, count.right) > mark.left) problems.push(tag + ': title runs into the mark');
    if (mark.right > line.getBoundingClientRect().right) problems.push(tag + ': mark runs out of the line');
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push('the popup scrolls sideways');
  return problems;
})()`;
