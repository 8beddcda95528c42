// Domain errors and the one error shape of the API: { error: { code, message, fields? } }.

export type FieldErrors = Record<string, string[]>

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra, code-specific facts, e.g. the current values behind a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }

  toJSON() {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...this.details },
    }
  }
}

export const notFound = (what = 'This item') => new AppError(404, 'NOT_FOUND', `${what} was not found.`)
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue.')
export const forbidden = (message: string) => new AppError(403, 'FORBIDDEN', message)
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError(409, 'CONFLICT', message, undefined, details)
export const invalid = (message: string, fields?: FieldErrors) => new AppError(422, 'INVALID_INPUT', message, fields)
