/**
 * What a barcode scanner typed, made comparable: scanners acting as a keyboard may add a
 * prefix of control characters or a trailing tab; the server matches GTINs with or without
 * leading zeros itself.
 */
export function normaliseScan(raw: string): string {
  return [...raw].filter((c) => c >= ' ' && c !== '\u007f').join('').trim();
}

/** Received over expected as a whole percentage for a progress bar, capped at 100. */
export function percent(progress: number): number {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  return Math.min(100, Math.round(progress * 100));
}

let audio: AudioContext | null = null;

/**
 * A short beep through Web Audio: high and brief for a good scan, low and longer for a refused
 * one, so the operator hears the difference without looking. Silent where audio is unavailable.
 */
export function beep(ok: boolean): void {
  const Context = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!Context) return;
  audio ??= new Context();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = ok ? 'sine' : 'square';
  oscillator.frequency.value = ok ? 1320 : 220;
  gain.gain.value = 0.15;
  oscillator.connect(gain).connect(audio.destination);
  const seconds = ok ? 0.08 : 0.35;
  oscillator.start();
  oscillator.stop(audio.currentTime + seconds);
}
