/** `--chaos-latency`: `250` (fixed ms) or `50-500` (a range); throws on anything else. */
export function parseLatency(text: string): number | [number, number] {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!match) throw new RangeError(`--chaos-latency: "${text}" is not milliseconds or a min-max range`);
  const min = Number(match[1]);
  if (match[2] === undefined) return min;
  const max = Number(match[2]);
  if (max < min) throw new RangeError(`--chaos-latency: ${max} is below ${min}`);
  return [min, max];
}
