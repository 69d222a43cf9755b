// The fixture pages each selector alternative is checked on, refined-github style: every
// alternative names the pages it must match and how many elements it finds on each; on the other
// fixture pages served at the provider's hosts it must match nothing. Each provider's site.ts
// exports its table from a function that only tests call, so the extension's bundles leave it out.

/** Fixture path (relative to test/fixtures) → how many elements the alternative matches there. */
export type PageCounts = Readonly<Record<string, number>>;

/** Selector alternative → its pages and counts. */
export type SelectorPages = Readonly<Record<string, PageCounts>>;
