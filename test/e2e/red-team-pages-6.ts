// Attack pages of red-team round six that both browsers are tested on: one definition each.

/** A frame whose prototypes the parent rewrites before writing a failing row into it. */
export const FRAME_PROTOTYPES_HTML = `<!doctype html><title>Frame</title><iframe id="f"></iframe>
<script>
const w = document.getElementById('f').contentWindow;
w.Element.prototype.attachShadow = function () { throw new Error('no shadow'); };
w.Node.prototype.appendChild = function () { throw new Error('no append'); };
w.Node.prototype.insertBefore = function () { throw new Error('no insert'); };
w.MutationObserver = function () { throw new Error('no observer'); };
w.JSON.parse = () => ({ hacked: true });
w.String.prototype.match = () => null;
w.RegExp.prototype.exec = () => null;
setTimeout(() => {
  w.document.body.innerHTML = '<ul><li>framed@example.com · HTTP 503 Service Unavailable</li></ul>';
}, 300);
</script>`;

/** Another ESP's log (a 429 and a healthy row), framed cross-origin by the outer page. */
export const INNER_ESP_LOG_HTML = `<!doctype html><title>Inner</title><ul><li>inner@example.com · HTTP 429 Too Many Requests</li><li>ok@example.com · 200 OK</li></ul>`;

/** An ESP page with a failing row that frames `innerUrl`. */
export const outerEspHtml = (innerUrl: string): string =>
  `<!doctype html><title>Outer</title><ul><li>outer@example.com · HTTP 502 Bad Gateway</li></ul>
<iframe src="${innerUrl}" width="600" height="200"></iframe>`;
