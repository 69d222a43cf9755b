// Which elements in the page are ours. The attribute of contract 2 (data-webhook-doctor) is for
// the page and for tools to read, so a page can carry it on its own content, which we must never
// remove. What proves an element ours is a mark on its JavaScript wrapper in the content script's
// isolated world: the page's scripts see other wrappers of the same nodes, so they can neither read
// nor set it. Every instance of the content script in a frame (content.js, content-extras.js, a
// re-injected copy) shares that world, so a newer instance recognises an older one's leftovers.
//
// A copy of one of our hosts (a page cloning a row with its badge inside) has no mark: it is
// recognised by an attribute holding this world's random nonce. The page can read that nonce
// from our hosts, so a page script could dress up its own element as a copy of ours; it can only
// make us remove an element it chose to disguise, never content it did not.

/** The mark's key. Known to anyone, but only settable on our world's wrappers. */
const OWN_MARK = Symbol.for('webhook-doctor.own-element');
/** Carries this world's nonce on our hosts, so that copies the page makes of them are known. */
export const OWNER_ATTRIBUTE = 'data-webhook-doctor-owner';
const NONCE_GLOBAL = 'webhookDoctorOwnerNonce';

type Marked = Element & { [OWN_MARK]?: true };

/** This instance's copy of the world's nonce (a read of the global is slower: one per badge). */
let knownNonce: string | undefined;

/** A random value created once per isolated world (all our instances in a frame share it). */
function worldNonce(): string {
  if (knownNonce) return knownNonce;
  const scope = globalThis as { [NONCE_GLOBAL]?: string };
  if (!scope[NONCE_GLOBAL]) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    scope[NONCE_GLOBAL] = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  return (knownNonce = scope[NONCE_GLOBAL]);
}

/** Marks an element we created. */
export function markOwn(element: Element): void {
  Object.defineProperty(element, OWN_MARK, { value: true });
  element.setAttribute(OWNER_ATTRIBUTE, worldNonce());
}

/** True only for elements an instance of our content script created in this world. */
export function isOwnElement(element: Element): boolean {
  return (element as Marked)[OWN_MARK] === true;
}

/** Ours, or a copy the page made of one of ours: the only elements we may remove from a page. */
export function isOwnOrCopy(element: Element): boolean {
  return isOwnElement(element) || element.getAttribute(OWNER_ATTRIBUTE) === worldNonce();
}
