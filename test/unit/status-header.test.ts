import { describe, expect, it } from 'vitest';
import { isStatusHeader, phraseHoldsStatusHeader } from '../../src/engine/detect/status/status-header';

describe('isStatusHeader: one vocabulary for Markdown tables and page tables', () => {
  it.each([
    'Status',
    'status_code',
    'Status code',
    'HTTP status',
    'HTTP-Status',
    'http status code',
    'Response code',
    'Response  status',
    'Response',
    'Result code',
    'Error code',
    'Code',
    'code http',
    'Statuscode',
    'Statuscode HTTP',
    'HTTP',
    'Antwortcode',
    'Antwort-Status',
    'Statut',
    'Statut HTTP',
    'Código de estado',
    'Código de resposta',
    'Codigo HTTP',
    'Codice di stato',
    'Codice di risposta',
    'Responscode',
    'Antwoordcode',
    'Resp. code',
    'Resp.',
    'Resp',
    'ステータスコード',
    '状态码',
    '상태 코드',
    'Код ответа',
    'Статус',
    'HTTP-код',
    'Kod odpowiedzi',
    'Kód odpovědi',
    'Durum kodu',
    'Yanıt kodu',
    'Statuskod',
    'Svarskod',
    'Statuskode',
    'Tilakoodi',
    'Kode status',
    'Mã trạng thái',
    'Κωδικός απόκρισης',
    'ΚΩΔΙΚΌΣ ΚΑΤΆΣΤΑΣΗΣ',
    'Κατάσταση',
    'Код відповіді',
    'קוד סטטוס',
    'קוד התגובה',
    'رمز الحالة',
    'स्थिति कोड',
    'รหัสสถานะ',
  ])('%s names a status column', (name) => {
    expect(isStatusHeader(name)).toBe(true);
  });

  it.each([
    'ID',
    'Attempts',
    'Duration (ms)',
    'Order #',
    'Recipients',
    'Event',
    'Status message',
    'Last response body',
    'Port',
    'Retry in',
    'Resp. time (ms)',
    'Responsible',
    'Próby',
    'Czas (ms)',
    'Deneme',
    'Försök',
    'Kod pocztowy',
    'Попытки',
    'Προσπάθειες',
    'Διάρκεια (ms)',
    'Κωδικός παραγγελίας',
    'Кількість спроб',
    'קוד קופון',
    'رمز بريدي',
    'रहस्य',
  ])('%s does not', (name) => {
    expect(isStatusHeader(name)).toBe(false);
  });
});

describe('phraseHoldsStatusHeader: a name inside a longer phrase', () => {
  it.each([
    'Kod odpowiedzi zwrócony przez serwer',
    'Останній отриманий код відповіді сервера',
    'קוד התגובה האחרון שהתקבל מהשרת',
    'सर्वर से मिला अंतिम प्रतिक्रिया कोड',
    'รหัสสถานะที่ได้รับล่าสุดจากเซิร์ฟเวอร์',
    'Last HTTP status code seen',
  ])('%s holds one', (phrase) => {
    expect(phraseHoldsStatusHeader(phrase)).toBe(true);
  });

  it.each([
    'Liczba prób',
    'Кількість спроб',
    'מספר ניסיונות',
    'प्रयासों की संख्या',
    'จำนวนครั้งที่ลอง',
    'Код купона на знижку',
    'Promo code used',
    'Zip code of the sender',
  ])('%s does not', (phrase) => {
    expect(phraseHoldsStatusHeader(phrase)).toBe(false);
  });
});
