// Password length limits, apart from the policy (which reads a file) so forms in the browser can show them.
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 200
