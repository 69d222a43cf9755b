// HubSpot's own documentation that its catalog layer cites.

export const HUBSPOT_WORKFLOW_WEBHOOKS = 'https://developers.hubspot.com/docs/methods/workflows/webhook_information';
