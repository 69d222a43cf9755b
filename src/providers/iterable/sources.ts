// Iterable's own documentation that its catalog layer cites.

export const ITERABLE_WEBHOOKS = 'https://support.iterable.com/hc/en-us/articles/205480275';
export const ITERABLE_JOURNEY_WEBHOOKS = 'https://support.iterable.com/hc/en-us/articles/208013936';
