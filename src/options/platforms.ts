// More platforms whose pages show webhook or destination errors, offered for one-click enabling.
// None is requested at install time: enabling one asks for its hosts' permission at that moment
// (optional_host_permissions), and its pages then get the generic scanner.
import type { MessageName } from '../shared/i18n';
import { domainToPattern } from '../shared/settings';

export interface Platform {
  id: string;
  name: string;
  /** Where its errors show, in a few words (shown next to the button). */
  where: MessageName;
  /** Dashboard hosts, as typed in "Your own domains". */
  hosts: readonly string[];
}

export const MORE_PLATFORMS: readonly Platform[] = [
  { id: 'segment', name: 'Segment', where: 'platformWhereSegment', hosts: ['app.segment.com'] },
  { id: 'sfmc', name: 'Salesforce Marketing Cloud', where: 'platformWhereSfmc', hosts: ['*.exacttarget.com', '*.marketingcloudapps.com'] },
  { id: 'mailchimp', name: 'Mailchimp', where: 'platformWhereMailchimp', hosts: ['*.admin.mailchimp.com'] },
  { id: 'attentive', name: 'Attentive', where: 'platformWhereAttentive', hosts: ['ui.attentivemobile.com'] },
  { id: 'sendgrid', name: 'Twilio SendGrid', where: 'platformWhereSendgrid', hosts: ['app.sendgrid.com'] },
];

/** The match patterns of a platform's hosts. */
export function platformPatterns(platform: Platform): string[] {
  return platform.hosts.map((host) => domainToPattern(host)).filter((pattern): pattern is string => pattern !== null);
}

/** True when every host of the platform is already in the user's domains. */
export function platformEnabled(platform: Platform, customDomains: readonly string[]): boolean {
  return platformPatterns(platform).every((pattern) => customDomains.includes(pattern));
}
