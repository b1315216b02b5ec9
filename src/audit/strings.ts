/**
 * A copy of a string that shares no memory with the text it was cut from. V8 represents a slice
 * of 13 or more characters as a view into its parent, so one cached or stored slice would keep a
 * whole 1 MiB chunk of the statement alive; anything kept beyond the current chunk is detached.
 *
 * The copy is made by joining a character in front and cutting it off again: the joined string is
 * written out anew in one piece, and the cut is a view of that piece alone. Three times cheaper
 * than through a Buffer (which also replaced lone surrogates), and the audit detaches every
 * finding's texts and every key it remembers.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
