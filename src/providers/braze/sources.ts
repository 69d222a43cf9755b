// Braze's own documentation that its catalog layer cites.

export const BRAZE_CREATING_WEBHOOK = 'https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/creating_a_webhook/';
export const BRAZE_WEBHOOK_ERRORS = 'https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors/';
export const BRAZE_ACTIVITY_LOG = 'https://www.braze.com/docs/user_guide/administrative/app_settings/message_activity_log_tab/';
export const BRAZE_TROUBLESHOOTING = 'https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/troubleshooting/';
