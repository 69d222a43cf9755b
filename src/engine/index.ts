// The engine's public surface: pure TypeScript shared by content script, worker, popup and CLI.
export * from './types';
export { detectAll, type DetectOptions } from './detect';
export { detectStatusCodes } from './detect/status';
export { detectNetworkErrors } from './detect/network';
export { checkCredentialValue, detectCredentialProblems, redactSecret } from './detect/credential';
export { checkJsonBody } from './detect/json-body';
export { detectRateLimitHeaders, parseRateLimit, type RateLimitInfo } from './detect/rate-limit';
export { redactSecretsInText } from './redact';
export { diagnose, diagnoseText, type DiagnosedFinding } from './diagnose';
export * from './finding-model';
export { findAll, findWith, ALL_DETECTORS, type FindOptions, type TextDetector } from './find';
