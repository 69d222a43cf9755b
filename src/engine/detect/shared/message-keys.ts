// The keys of a JSON answer that hold its message: read by the receiver's words and by the
// credential readers (which set a receiver's message aside). A module of its own, so that the
// credential part of the page's extras does not take the receiver readers with it
// (scripts/content-extras-parts.ts).

/**
 * Keys that hold the message, in lower case, most specific first: an error's description says
 * more than the message beside it (n8n's `errorMessage` is its own wrapper, `errorDescription`
 * the receiver's words), a SOAP fault's string is its message.
 */
export const MESSAGE_KEYS: readonly string[] = [
  'error_description',
  'errordescription',
  'message',
  'detail',
  'msg',
  'errmsg',
  'error_message',
  'errormessage',
  'description',
  'faultstring',
  'reason',
  'details',
  'title',
];
