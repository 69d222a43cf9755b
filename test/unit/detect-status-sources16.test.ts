// Where a status sits in the formats runtimes and frameworks print (SDK exception strings, log
// fields, pipe-separated framework logs, reason phrases) and in the ways other languages say "the
// server returned a 503"; and other systems' numbers in HTTP's range, which stay quiet. The
// message shapes come from their sources: Python's urllib and requests, .NET's HttpClient and
// WebException, Spring's HttpStatusCodeException, axios, got, Faraday, Guzzle's RequestException,
// reqwest, HTTPoison, Go's Fiber logger, Postmark's error-code list.
import { describe, expect, it } from 'vitest';
import { detectStatusCodes } from '../../src/engine/detect/status/status';

const codesIn = (text: string): number[] => [...new Set(detectStatusCodes(text).map((finding) => finding.code ?? 0))].sort((a, b) => a - b);

/** [the statuses, the text] */
const FOUND: Array<[number[], string]> = [
  [[403], 'urllib.error.HTTPError: HTTP Error 403: Forbidden'],
  [[429], "StatusCode: 429, ReasonPhrase: 'Too Many Requests', Version: 1.1"],
  [[502], 'level=error msg="webhook failed" status=502 url=https://hooks.example.com'],
  [[500], 'webhook delivery failed (status 500)'],
  [[404], '| 2024-01-02 10:00:01 | POST | /hooks/order | 404 | 12ms |'],
  [[503], '10.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "POST /webhook HTTP/1.1" 503 197 "-" "Go-http-client/1.1"'],
  [[401], 'System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).'],
  [[404], 'System.Net.WebException: The remote server returned an error: (404) Not Found.'],
  [[500], 'org.springframework.web.client.HttpServerErrorException$InternalServerError: 500 Internal Server Error: [no body]'],
  [[400], 'org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: "{"error":"invalid"}"'],
  [[422], 'requests.exceptions.HTTPError: 422 Client Error: Unprocessable Entity for url: https://api.example.com/v1/hooks'],
  [[502], 'requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://api.example.com/v1/hooks'],
  [[401], 'AxiosError: Request failed with status code 401'],
  [[403], 'HTTPError: Response code 403 (Forbidden)'],
  [[404], 'Faraday::ResourceNotFound: the server responded with status 404'],
  [[500], 'Net::HTTPInternalServerError 500 "Internal Server Error"'],
  [
    [429],
    'GuzzleHttp\\Exception\\ClientException: Client error: `POST https://api.example.com/hooks` resulted in a `429 Too Many Requests` response',
  ],
  [
    [503],
    'GuzzleHttp\\Exception\\ServerException: Server error: `POST https://api.example.com/hooks` resulted in a `503 Service Unavailable` response',
  ],
  [[400], 'HTTP status client error (400 Bad Request) for url (https://api.example.com/hooks)'],
  [[401], '** (HTTPoison.Error) %HTTPoison.Response{status_code: 401, body: ""}'],
  [[502], '{"level":"error","status":502,"msg":"upstream returned error"}'],
  [[500], 'time="2024-01-01T00:00:00Z" level=error msg="request failed" code=500'],
  [[403], 'A resposta do servidor foi 403 (Proibido)'],
  [[404], 'O servidor retornou o erro 404'],
  [[500], 'Le serveur a renvoyé une erreur 500'],
  [[401], 'El servidor devolvió un error 401'],
  [[403], 'Der Server antwortete mit dem Statuscode 403'],
  [[502], "Il server ha restituito l'errore 502"],
  [[429], 'サーバーから429エラーが返ってきます'],
  [[500], '服务器返回500错误'],
  [[401], '서버가 401 에러를 반환합니다'],
  [[503], 'Сервер вернул ошибку 503'],
  [[404], 'Fehler 404: Nicht gefunden'],
  [[500], 'Erreur 500 : erreur interne du serveur'],
  [[413], 'Payload Too Large 413'],
  [[403], 'The server response was 403 (Forbidden)'],
  [[403], 'The server response was 403'],
  [[403], 'A resposta do servidor foi 403'],
  [[403], 'Erro 403 (Proibido)'],
  [[503], 'Сервер вернул 503'],
  [[503], 'Ошибка 503'],
  [[400], '{"code": 400, "message": "Bad request"}'],
  [[401, 404], '[{"code": 401, "message": "Unauthorized"}, {"code": 404, "message": "Not found"}]'],
  [[400], '[HTTP] Status code: 400\n[HTTP] Response: {"code": 50109, "message": "The request body contains invalid JSON."}'],
  // "A 4xx response" in fr, de, es, it, pt, ja, zh, ko, ru, and the common log shapes of a status.
  [[403], 'Le webhook reçoit une réponse 403'],
  [[502], "L'API renvoie une 502 depuis hier"],
  [[500], "erreur HTTP 500 lors de l'appel"],
  [[403], 'Wir bekommen eine 403-Antwort vom Server'],
  [[500], 'HTTP-Fehler 500 beim Aufruf des Webhooks'],
  [[404], 'Der Server gibt Statuscode 404 zurück'],
  [[404], 'Recibo una respuesta 404 del servidor'],
  [[500], 'error HTTP 500 al llamar al webhook'],
  [[403], 'Ricevo una risposta 403 dal server'],
  [[500], 'errore 500 quando chiamo il webhook'],
  [[403], 'Recebo uma resposta 403 do servidor'],
  [[404], 'código de status 404 ao chamar a API'],
  [[403], 'Webhookを送信すると403エラーになります'],
  [[500], 'ステータスコード500が返ってきます'],
  [[404], '调用接口返回404'],
  [[500], '状态码500'],
  [[403], '报403错误'],
  [[403], '웹훅 호출 시 403 오류가 발생합니다'],
  [[500], '상태 코드 500'],
  [[404], 'Сервер возвращает ответ 404'],
  [[500], 'ошибка 500 при вызове вебхука'],
  [[404], 'код ответа 404'],
  [[429], '[status:429] too many requests'],
  [[429], 'status_code=429'],
  [[503], '{"status":503}'],
  [[404], 'status: 404 Not Found'],
  [[500], 'POST /hooks -> 500'],
  [[404], 'returned 404'],
  [[502], 'HTTP/1.1 502 Bad Gateway'],
  [[401], 'Webhook delivery failed with response code 401'],
  [[500], 'Request failed: 500 {"message":"Internal error"}'],
];

/** Other systems' numbers, counts and durations in HTTP's range. */
const QUIET: string[] = [
  'Postmark returned {"ErrorCode": 406, "Message": "You tried to send to a recipient that has been marked as inactive."}',
  '550 5.1.1 The email account that you tried to reach does not exist',
  'rpc error: code = Unavailable desc = connection closed (code 14)',
  'Quota: 500 requests per day, 429 retries max',
  'We sent 404 emails and 503 SMS yesterday.',
  'retry in 500 ms',
  'Error code 21610: Attempt to send to unsubscribed recipient',
  '[\n  {\n    "code": 10,\n    "message": "Bad or missing API token"\n  },\n  {\n    "code": 300,\n    "message": "Invalid email request"\n  },\n  {\n    "code": 400,\n    "message": "Sender Signature not found"\n  },\n  {\n    "code": 401,\n    "message": "Sender signature not confirmed"\n  }\n]',
  '{"ErrorCode": 406, "Message": "Inactive recipient"}\n{"ErrorCode": 10, "Message": "Bad or missing API token"}',
  'errors = [{code: 10, msg: "a"}, {code: 401, msg: "b"}, {code: 1002, msg: "c"}]',
  // Counts with a time word after them.
  'Nous avons envoyé 502 emails depuis hier',
  'Se enviaron 404 correos desde ayer',
  'Wir haben 500 Nachrichten seit gestern gesendet',
];

describe('status codes where runtimes and languages put them', () => {
  it.each(FOUND)('finds %j in %j', (codes, text) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each(QUIET)('finds nothing in %j', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});
