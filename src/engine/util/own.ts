// Maps keyed by user text (labels, annotations, data keys, env names, file names) are plain objects: every read and
// write of one goes through these, so `__proto__`, `constructor` or `toString` are keys like any other.

/** Whether `key` is the object's own key (never something inherited from Object.prototype). */
export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key)
}

/** The own value under `key`, or undefined (never an inherited function). */
export function getOwn<T>(target: Record<string, T>, key: string): T | undefined {
  return hasOwn(target, key) ? target[key] : undefined
}

/** Defines a property as plain data, so `__proto__` and friends are just keys. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}
