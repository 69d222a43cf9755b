// Klaviyo's own documentation that its catalog layer cites.

export const KLAVIYO_STATUS_CODES = 'https://developers.klaviyo.com/en/docs/understanding_webhook_status_codes';
