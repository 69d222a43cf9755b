// A fresh element for preact to render into, one per test: appended to the document before the
// test, unmounted and removed after it.
import { render } from 'preact';
import { onTestFinished } from 'vitest';

export function mountRoot(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  onTestFinished(() => {
    render(null, root);
    root.remove();
  });
  return root;
}
