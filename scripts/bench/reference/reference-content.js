/* global document, NodeFilter, MutationObserver */
// The reference scanner of issue 9, the bar our content script is measured against: one
// MutationObserver from document_start, one TreeWalker pass per added subtree with a cheap
// prefilter and one status regex, a badge with a closed shadow root appended to the nearest row
// in the same callback. No chunking, no queue, no cards, no worker.
(() => {
  const PREFILTER = /[45]\d\d|###|conn|EOF|x509|misbehav|timeout/;
  const STATUS =
    /\b(?:HTTP|status)\s+[45]\d\d\b|\b[45]\d\d (?:Bad Request|Unauthorized|Forbidden|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Host Overloaded)\b|connection (?:refused|reset)|": EOF|server misbehaving|x509|i\/o timeout|Bearer ###/i;
  const badged = new WeakSet();

  function badge(row, label) {
    if (badged.has(row)) return;
    badged.add(row);
    const host = document.createElement('span');
    host.setAttribute('data-webhook-doctor', 'badge');
    const shadow = host.attachShadow({ mode: 'closed' });
    const pill = document.createElement('b');
    pill.style.cssText = 'font:600 11px system-ui;padding:1px 8px;border-radius:999px;border:1px solid #dc2626;margin-left:6px';
    pill.textContent = label;
    shadow.append(pill);
    row.append(host);
  }

  function test(text) {
    const parent = text.parentElement;
    if (!parent || !PREFILTER.test(text.data)) return;
    const match = STATUS.exec(text.data);
    if (!match || parent.closest('[data-webhook-doctor], script, style')) return;
    badge(parent.closest('tr, [role="row"], li') || parent, match[0]);
  }

  function scan(root) {
    if (root.nodeType === 3) return test(root);
    if (root.nodeType !== 1 && root.nodeType !== 9) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) test(node);
  }

  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') test(record.target);
      else for (const node of record.addedNodes) scan(node);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  scan(document);
})();
