/**
 * A copy of a string that shares no memory with the text it was cut from. V8 represents a slice
 * of 13 or more characters as a view into its parent, so one cached or stored slice would keep a
 * whole 1 MiB chunk of the statement alive; anything kept beyond the current chunk is detached.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
