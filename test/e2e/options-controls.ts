// The options page's checkboxes and radio buttons beside their words, in both browsers: each
// control's middle level with the middle of its label's first line of text.

/** Evaluated in the options page: for each control, how far its middle is from its text's. */
export const CONTROL_OFFSETS = `(() => [...document.querySelectorAll('label.switch, label.radio')].map((label) => {
  const input = label.querySelector('input');
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT, (node) => (node.textContent.trim() ? 1 : 3));
  const range = document.createRange();
  range.selectNodeContents(walker.nextNode());
  const words = range.getClientRects()[0];
  const box = input.getBoundingClientRect();
  return { label: label.textContent.trim(), offset: Math.abs((box.top + box.bottom) / 2 - (words.top + words.bottom) / 2) };
}))()`;

/** Off by more than this reads as a control that sits higher or lower than its words. */
export const MAX_OFFSET = 1.5;

export interface ControlOffset {
  label: string;
  offset: number;
}
