// The name of a column that holds HTTP statuses: the header of a Markdown table the status
// detector reads, and the header of a page's table or ARIA grid the content script reads. One
// vocabulary for both, so a "Response code" column means the same in a pasted log and on a page.

const STATUS_HEADER = new RegExp(
  [
    // English, with an optional qualifier before and "http" after: "HTTP status", "Response code",
    // "status_code", "Result code", "Error code", "code http", and a dense table's "Resp.".
    '^(?:(?:https?|response|resp\\.?|return|error|err|status|result)[\\s_-]?)?(?:status(?:[\\s_-]?code)?|code|statuscode|response|resp\\.?|result)(?:[\\s_-]?http)?$',
    // Other languages (German, Dutch, French, Spanish, Portuguese, Italian, Japanese, Chinese,
    // Korean), and "HTTP" alone.
    '^(?:https?|statut(?:[\\s_-]?http)?|estado|c[óo]digo(?:[\\s_-](?:de[\\s_-])?(?:estado|respuesta|resposta|status|erro|error|http))?|codice(?:[\\s_-](?:di[\\s_-])?(?:stato|risposta|http))?|(?:antwort|antwoord)[\\s_-]?(?:code|status)|respons[\\s_-]?code|statuscode[\\s_-]?http|code de (?:statut|r[ée]ponse)|ステータス(?:コード)?|状態コード|状态码|狀態碼|响应码|상태\\s?코드|응답\\s?코드)$',
    // Russian, Polish, Czech, Turkish, the Scandinavian languages, Finnish, Indonesian and
    // Vietnamese: "код ответа", "kod odpowiedzi", "durum kodu", "statuskod", "tilakoodi".
    '^(?:(?:http[\\s-])?код(?:[\\s-](?:ответа|статуса|состояния|http))?|статус(?:[\\s-]http)?|kod[\\s-](?:odpowiedzi|statusu|stanu|http)|k[óo]d[\\s-]odpov[ěe]di|stavov[ýy][\\s-]k[óo]d|(?:durum|yan[ıi]t)[\\s-]kodu|(?:status|svars?)[\\s-]?kod(?:e)?|(?:tila|vastaus)koodi|kode[\\s-](?:status|respons)|m[ãa][\\s-](?:trạng[\\s-]thái|phản[\\s-]hồi))$',
    // Greek, Ukrainian, Hebrew (with or without the article: "קוד התגובה"), Arabic, Hindi and
    // Thai: "κωδικός απόκρισης", "код відповіді", "קוד סטטוס", "رمز الحالة", "स्थिति कोड", "รหัสสถานะ".
    '^(?:κωδικ[οό]ς[\\s_-](?:απ[οό]κρισης|κατ[αά]στασης|http)|κατ[αά]σταση|код[\\s-](?:відповіді|стану|статусу)|קוד[\\s-]ה?(?:סטטוס|תגובה|מצב)|رمز[\\s-]?(?:الحالة|الاستجابة)|(?:स्थिति|प्रतिक्रिया)[\\s-]कोड|รหัส\\s?(?:สถานะ|ตอบกลับ))$',
    // Hungarian, Romanian and Persian: "állapotkód", "cod de stare", "کد وضعیت".
    '^(?:(?:http[\\s-]?)?(?:[áa]llapot|v[áa]lasz|st[áa]tusz)[\\s-]?k[óo]d|cod(?:ul)?[\\s-](?:de[\\s-])?(?:stare|r[ăa]spuns|status|http)|کد[\\s\\u200c-](?:وضعیت|پاسخ)|وضعیت)$',
  ].join('|'),
  'iu',
);

/** True when a column named so holds HTTP statuses (runs of white space count as one space). */
export function isStatusHeader(name: string): boolean {
  return STATUS_HEADER.test(name.replace(/\s+/g, ' ').trim());
}

/** Longest run of words a column's name is looked for as, inside a longer phrase. */
const MAX_NAME_WORDS = 3;
/** Scripts written without spaces between words: a name there starts a longer run of letters. */
const UNSPACED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Longest name looked for at the start of such a run. */
const MAX_UNSPACED_NAME = 24;

/**
 * True when a longer phrase holds a status column's name as a run of two or three of its words
 * ("Kod odpowiedzi zwrócony przez serwer", "Останній отриманий код відповіді сервера"), or, in a
 * script written without spaces, at the start of a run of letters ("รหัสสถานะที่ได้รับล่าสุด").
 * Single words are left out: alone, "код" or "code" may name a coupon's.
 */
export function phraseHoldsStatusHeader(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    for (let n = 2; n <= MAX_NAME_WORDS && i + n <= words.length; n++) if (isStatusHeader(words.slice(i, i + n).join(' '))) return true;
    const word = words[i]!;
    if (!UNSPACED_SCRIPT.test(word)) continue;
    for (let end = 2; end <= Math.min(word.length, MAX_UNSPACED_NAME); end++) if (isStatusHeader(word.slice(0, end))) return true;
  }
  return false;
}
