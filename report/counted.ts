/** `1 resource`, `3 resources`: a count with its noun in the number it takes. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
