// The catalog's lookups: status codes, non-HTTP problems, provider layers and endpoint layers.
export type {
  Advice,
  AdviceData,
  AdviceStep,
  EndpointError,
  EndpointLayer,
  ProblemData,
  ProblemEntry,
  ProviderLayer,
  RetryAnswer,
  RetrySubject,
  StatusEntry,
  WhereToLook,
} from './types';
export { statusEntry } from './status-entry';
export { STATUS_RECORDS, statusClass, statusName, statusTitle, isStatusInRange, type StatusRecord } from './http-status';
export { STATUS_ADVICE, STATUS_ADVICE_DATA, CLASS_FALLBACK_ADVICE, CLASS_FALLBACK_DATA, adviceFor } from './http-advice';
export { PROBLEM_DATA, PROBLEM_ENTRIES, problemEntry } from './problems';
export { PROVIDER_LAYERS, providerLayer } from './provider-layers';
export { ENDPOINT_LAYERS, endpointFor, requiredFieldsFor } from './endpoints';
export { topicsFor } from './topics';
