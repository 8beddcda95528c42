// Domain errors and the one error shape of the API: { error: { code, message, fields? } }.

export type FieldErrors = Record<string, string[]>

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message)
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } }
  }
}

export const notFound = (what = 'This item') => new AppError(404, 'NOT_FOUND', `${what} was not found.`)
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue.')
export const forbidden = (message: string) => new AppError(403, 'FORBIDDEN', message)
export const conflict = (message: string) => new AppError(409, 'CONFLICT', message)
export const invalid = (message: string, fields?: FieldErrors) => new AppError(422, 'INVALID_INPUT', message, fields)
