// What a value becomes on its way to the browser as JSON (an API answer, a server
// component's props): dates turn into ISO strings, undefined fields disappear.

export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T

/** The value as the browser receives it from an API answer, typed as such. */
export function jsonified<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>
}
