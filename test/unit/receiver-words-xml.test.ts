// The receiver's message in an XML error body, and the XML that holds none.
import { describe, expect, it } from 'vitest';
import { findXmlWords } from '../../src/engine/detect/receiver/receiver-words-xml';
import { findAll } from '../../src/engine/find';

const messages = (text: string) => findXmlWords(text).map(({ message, field }) => ({ message, field }));

describe('messages of XML error bodies', () => {
  it.each([
    // AWS, on one line and cut short by an issue title
    ['<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>7BM</RequestId></Error>', 'Access Denied', 'Message'],
    [
      'Actual(403 Forbidden) :body => "<?xml version=\\"1.0\\"?>\\n<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Acces',
      'The AWS Acces',
      'Message',
    ],
    // A SOAP fault
    [
      '<soap:Fault>\n  <faultcode>soap:Client</faultcode>\n  <faultstring>The security token could not be authenticated</faultstring>\n</soap:Fault>',
      'The security token could not be authenticated',
      'faultstring',
    ],
    // A small API's error element, its attributes and a wrapped end tag
    [
      '<response success="false">\n  <error code="412">service is a required parameter</error>\n</response>',
      'service is a required parameter',
      'error',
    ],
    ['<response><error>1</error\n><message>Wrong Parameter Error</message\n></response\n>', 'Wrong Parameter Error', 'message'],
    // An error list's description
    [
      '<response>\n  <errormessage>\n    <error>\n      <errorno>GW01</errorno>\n      <description>Sign-in details are wrong.</description>\n    </error>\n  </errormessage>\n</response>',
      'Sign-in details are wrong.',
      'description',
    ],
  ])('%s', (text, message, field) => {
    expect(messages(text)).toEqual([{ message, field }]);
  });

  it("reads no feed's or catalogue's description, whatever its words", () => {
    expect(
      messages(
        '<rss><channel><item><title>Outage</title><description>Webhook delivery failed for an hour</description></item></channel></rss>',
      ),
    ).toEqual([]);
  });

  it('reads nothing from a success document, a documented format or an HTML page', () => {
    expect(messages('<response><status>ok</status><message>Hook saved</message></response>')).toEqual([]);
    expect(messages('<ErrorResponse><ErrorMessage>E0[number]: [error message]</ErrorMessage></ErrorResponse>')).toEqual([]);
    expect(messages('<html><head><title>Not Found</title></head><body><p>Nothing here</p></body></html>')).toEqual([]);
  });

  it('gives the status above it the message, or stands as the answer when it is the whole text', () => {
    const wire =
      '-> "HTTP/1.1 403 Forbidden\\r\\n"\n-> "Server: AmazonS3\\r\\n"\n-> "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"';
    expect(findAll(wire).map((finding) => [finding.code, finding.detail?.receiverMessage])).toEqual([[403, 'Access Denied']]);
    const whole =
      '# Error from the API\n<?xml version="1.0"?>\n<Response>\n  <Error>\n    <Message>this action is not found</Message>\n  </Error>\n</Response>';
    expect(findAll(whole).map((finding) => finding.detail?.receiverMessage)).toEqual(['this action is not found']);
  });
});
