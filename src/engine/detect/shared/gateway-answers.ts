// What a gateway answers when the service behind it took too long: the answer the sender got, in
// the gateway's own words, not a timeout of the sender's connection. AWS API Gateway sends
// `{"message": "Endpoint request timed out"}` with its 504 (often quoted without the status);
// Cloudflare's 522 page says the connection to the origin web server timed out.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
// https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/
export const GATEWAY_TIMEOUT_ANSWER = /\bEndpoint request timed out\b|\bbetween Cloud[Ff]lare's network and the origin web server\b/;
