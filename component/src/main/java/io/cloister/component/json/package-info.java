/**
 * JSON for component values, as ARCHITECTURE's "Requests to apps" describes: named parameters in,
 * a result out, and a description of a function's type for the API Explorer.
 *
 * <p>The mapping, for a value of each WIT type:
 *
 * <ul>
 *   <li>{@code bool}: {@code true}/{@code false}; integers up to 32 bits: JSON integers in range.
 *   <li>{@code u64}/{@code s64}: accepted as a JSON integer or a decimal string; written as a
 *       number when its magnitude is at most 2<sup>53</sup> (exact in every JSON parser), else as a
 *       decimal string.
 *   <li>{@code f32}/{@code f64}: JSON numbers; the strings {@code "NaN"}, {@code "Infinity"} and
 *       {@code "-Infinity"} both ways (JSON has no such numbers).
 *   <li>{@code char}: a string of exactly one code point; {@code string}: a string.
 *   <li>{@code list<u8>}: a base64 string (standard alphabet, padded); an array of 0..255 is also
 *       accepted. Other lists and tuples: arrays.
 *   <li>{@code record}: an object with the WIT field names; every field required.
 *   <li>{@code variant}: {@code {"case": payload}}, {@code {"case": null}} for a case without
 *       payload, which may also be given as the bare string {@code "case"}.
 *   <li>{@code enum}: the label string; {@code flags}: an array of the set labels.
 *   <li>{@code option<T>}: {@code null} or the value ({@code option<option<T>>} cannot express
 *       {@code some(none)}: null is always the outer {@code none}).
 *   <li>{@code result<T, E>}: {@code {"ok": v}} or {@code {"err": e}} ({@code null} without payload).
 *   <li>{@code own}/{@code borrow}: not representable; rejected with an error.
 * </ul>
 */
package io.cloister.component.json;
