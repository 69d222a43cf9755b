import { describe, expect, it } from 'vitest';
import { isStatusHeader } from '../../src/engine/detect/status/status-header';

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
    'Próby',
    'Czas (ms)',
    'Deneme',
    'Försök',
    'Kod pocztowy',
    'Попытки',
  ])('%s does not', (name) => {
    expect(isStatusHeader(name)).toBe(false);
  });
});
