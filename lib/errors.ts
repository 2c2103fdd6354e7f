// Typed domain errors: every service throws these; the API and form wrappers map them to responses.
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  account_suspended: 403,
  subscription_expired: 403,
  wrong_portal: 403,
  not_found: 404,
  insufficient_credit: 402,
  conflict: 409,
  email_taken: 409,
  subdomain_taken: 409,
  already_decided: 409,
  package_inactive: 409,
  price_changed: 409,
  duplicate_reference: 409,
  below_cost: 409,
  payload_too_large: 413,
  idempotency_mismatch: 422,
  rate_limited: 429,
  daily_limit_reached: 429,
  period_limit_reached: 429,
  device_limit_reached: 429,
  request_in_progress: 409,
  cannot_cancel: 409,
  otp_invalid: 400,
  reset_invalid: 400,
  no_device: 400,
  opted_out: 422,
  keyword_limit_reached: 409,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource') => new DomainError('not_found', `${what} not found.`);

/** A field-level validation error raised by a service (e.g. a taken email), shaped like zod's. */
export function fieldError(field: string, message: string, code: ErrorCode = 'validation_failed') {
  return new DomainError(code, message, { fields: { [field]: [message] } });
}
