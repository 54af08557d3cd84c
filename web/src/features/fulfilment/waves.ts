/** Units of a wave picked, as a whole percentage for its progress bar (0 for an empty wave). */
export function pickedPercent(wave: { pickedUnits: number; totalUnits: number }): number {
  return wave.totalUnits > 0 ? Math.round((wave.pickedUnits / wave.totalUnits) * 100) : 0;
}
