// The popup's and the options page's title and lang attribute, in the language their messages are
// in (extension pages cannot use __MSG_ names in HTML, so the code sets them).
import { t, type MessageName } from './i18n';

export function applyPageLanguage(title: MessageName): void {
  document.title = t(title);
  document.documentElement.lang = t('languageTag') || 'en';
}
