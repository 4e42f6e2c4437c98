// Objects whose keys come from a manifest, a values file or a setting. Assigning `record[key]` with
// the key `__proto__` would replace the prototype instead of adding a property; defining the property
// never does. The object keeps Object.prototype (Handlebars prints a context in its messages, which
// a null-prototype object cannot be converted for), and a lookup must still check own properties.

/** Sets `key` on `record` as an own, enumerable property, whatever the key. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The own value at `key`, never one inherited from Object.prototype (`constructor`, `toString`). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
