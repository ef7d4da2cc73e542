/**
 * Byte counts of the JSON that Office would send, computed value by value: a 1M-cell write must not
 * build a 30 MB string just to measure it. Works in node and the browser (no Buffer).
 */

/** UTF-8 length of a string as a JSON string literal (quotes and escapes included). */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 length of JSON.stringify(value), without building the string. */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case "string":
      return jsonStringBytes(value);
    case "number":
      return Number.isFinite(value) ? numberLength(value) : 4;
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
    case "function":
      return 4;
    case "object": {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let bytes = 2 + Math.max(0, value.length - 1);
        for (const item of value) bytes += jsonBytes(item);
        return bytes;
      }
      if (value instanceof Map) return jsonBytes(Object.fromEntries(value));
      let bytes = 2;
      let first = true;
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item === undefined || typeof item === "function") continue;
        bytes += (first ? 0 : 1) + jsonStringBytes(key) + 1 + jsonBytes(item);
        first = false;
      }
      return bytes;
    }
    default:
      return 4;
  }
}

function numberLength(n: number): number {
  // Small integers are the common case; skip the string conversion for them.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) {
    let len = n < 0 ? 2 : 1;
    let a = Math.abs(n);
    while (a >= 10) {
      a = Math.floor(a / 10);
      len++;
    }
    return len;
  }
  return String(n).length;
}
