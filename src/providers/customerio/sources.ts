// Customer.io's own documentation that its catalog layer cites.

export const CUSTOMERIO_WEBHOOK_ACTION = 'https://docs.customer.io/journeys/webhooks-action/';
export const CUSTOMERIO_REPORTING_WEBHOOKS = 'https://docs.customer.io/api/webhooks/';
