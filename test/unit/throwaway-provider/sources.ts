// Acme Mail's own documentation (made up, like the provider).

export const ACME_WEBHOOK_LOG = 'https://docs.acme-mail.example/webhooks/send-log';
