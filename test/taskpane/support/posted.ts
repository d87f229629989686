/**
 * A value as postMessage delivers it (structuredClone), with its Dates, typed arrays and ArrayBuffers made again in
 * jest's realm: jest runs tests in a vm context whose Date is not Node's, which a browser worker does not.
 */
export function posted<T>(value: T): T {
  const local = (x: unknown): unknown => {
    const tag = Object.prototype.toString.call(x);
    if (tag === "[object Date]") return new Date((x as Date).getTime());
    if (tag === "[object Float64Array]") return Float64Array.from(x as Float64Array);
    if (tag === "[object Uint8Array]") return Uint8Array.from(x as Uint8Array);
    if (tag === "[object ArrayBuffer]") return Uint8Array.from(new Uint8Array(x as ArrayBuffer)).buffer;
    if (Array.isArray(x)) return x.map(local);
    if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, local(v)]));
    return x;
  };
  return local(structuredClone(value)) as T;
}
