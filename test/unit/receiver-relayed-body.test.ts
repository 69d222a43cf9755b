// Where an error body with no status beside it still stands as what came back: a client's
// exception label or a wire log's incoming mark before it, a printed body that flags its own
// failure, a title that quotes its message, an "actual" line after an "expected" one; and the
// words of Chinese failures in a body field. Made-up texts; traps stay silent.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { followsApiErrorLabel, findThrownWords } from '../../src/engine/detect/receiver/receiver-words-thrown';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

describe('a body the text shows came back', () => {
  it.each([
    // An API client's exception label before the body.
    [
      'deploy step crashed\nApiError: {"message":"Project is archived and cannot be changed","docs":"https://api.example.test/docs"}',
      'Project is archived and cannot be changed',
    ],
    ['  PaymentsHttpException[402]: {"error": {"message": "Card limit exceeded"}}', 'Card limit exceeded'],
    // A wire log's incoming mark.
    ['10:02:11 DEBUG wire - conn-3 << "{"code":4107,"msg":"signature check failed"}"', 'signature check failed'],
    // A printed body that flags its own failure.
    ["INFO notifier.chat {'ok': False, 'error': 'channel_is_archived', 'warning': 'none'}", 'channel_is_archived'],
    // An "actual" line after an "expected" one.
    [
      'Expected response: a list of rooms\n\nActual response:\n{"message": "Room limit exceeded for this plan"}',
      'Room limit exceeded for this plan',
    ],
    // The title quotes the body's words.
    [
      '# Upload blocked: attachment type is not permitted here\n\nlog:\n{"msg": "attachment type is not permitted here"}',
      'attachment type is not permitted here',
    ],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // A runtime's or a connection's error class is the sender's own.
    ['TypeError: {"message":"cannot read properties of undefined"}'],
    // An outgoing mark: what the client sent.
    ['10:02:11 DEBUG wire - conn-3 >> "{"msg":"missing field in template"}"'],
    // A printed body that succeeded.
    ["INFO notifier.chat {'ok': True, 'warning': 'missing_charset'}"],
    // An expected body with no actual one.
    ['Expected response:\n{"message": "Room limit exceeded for this plan"}'],
  ])('gives no message: %s', (text) => {
    expect(quoted(text)).toBe(undefined);
  });

  it('tells an API exception label from a runtime one', () => {
    expect(followsApiErrorLabel('crashed: octo.RequestError [HttpError]: ')).toBe(true);
    expect(followsApiErrorLabel('Uncaught SyntaxError: ')).toBe(false);
    expect(followsApiErrorLabel('see HttpError docs ')).toBe(false);
  });
});

describe('Node prints an error name in brackets after its class', () => {
  it('reads the message after `Class [Name]:`', () => {
    const [said] = findThrownWords('Failed to sync: RequestError [HttpError]: Bad credentials - https://docs.example.test/rest');
    expect(said?.message).toContain('Bad credentials');
  });
});

describe('Chinese failure words in a body field', () => {
  it.each([
    ['钉钉返回：{"errcode":310000,"errmsg":"签名不匹配"}', '签名不匹配'],
    ['接口返回 {"code":4001,"msg":"缺少参数 app_id"}', '缺少参数 app_id'],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });
});
