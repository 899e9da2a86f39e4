/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone (seed 002 "Time zone
 * consideration": document dates and the integration date are the shop's local dates).
 */
export function localDate(instant: string, timeZone: string): string {
  const parts = dateFormat(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs more than the rest of a document. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}
