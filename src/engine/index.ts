// The engine's public surface: pure TypeScript shared by content script, worker, popup and CLI.
export * from './types';
export { detectAll, type DetectOptions } from './detect';
export { detectStatusCodes } from './detect/status/status';
export { detectNetworkErrors } from './detect/network/network';
export { checkCredentialValue, detectCredentialProblems, redactSecret } from './detect/credential/credential';
export { checkJsonBody } from './detect/json/json-body';
export { detectRateLimitHeaders, parseRateLimit, type RateLimitInfo } from './detect/rate-limit/rate-limit';
export { redactSecretsInText } from './redact';
export { diagnose, diagnoseText, type DiagnosedFinding } from './diagnose';
export * from './finding-model';
export { findAll, findWith, ALL_DETECTORS, type FindOptions, type TextDetector } from './find';
