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

/** Most units one quantity scan may set. */
export const MAX_SCAN_QUANTITY = 99_999;

/** What one scan on the receiving screen is. */
export type ReceiveScan =
  | { kind: 'empty' }
  | { kind: 'quantity'; quantity: number }
  | { kind: 'item'; barcode: string };

/**
 * One scan on the receiving screen: `12*` (digits and a star, as keyed on a scanner's keypad)
 * sets the units of the next item scan; anything else is an item's barcode or code. A barcode
 * may hold a star elsewhere (internal codes are free ASCII), so only this exact shape counts.
 */
export function parseReceiveScan(raw: string): ReceiveScan {
  const scanned = normaliseScan(raw);
  if (!scanned) return { kind: 'empty' };
  const quantity = /^(\d{1,5})\*$/.exec(scanned);
  if (quantity) {
    const units = Number(quantity[1]);
    if (units >= 1 && units <= MAX_SCAN_QUANTITY) return { kind: 'quantity', quantity: units };
  }
  return { kind: 'item', barcode: scanned };
}

/** What a scan compares with: itself, and its 14-digit form when it could be a GTIN (as the server keys barcodes). */
function scanKey(text: string): string {
  return /^(\d{8}|\d{12,14})$/.test(text) ? text.padStart(14, '0') : text;
}

/** A SKU as a scan may name it: its code or one of its barcodes. */
export interface Scannable {
  code: string;
  barcodes?: readonly { barcode: string }[] | null;
}

/**
 * Whether `raw` names `sku`, as the server decides it: its code exactly, or one of its barcodes,
 * a GTIN with or without leading zeros (a UPC-A `036000291452` scanned as `0036000291452`).
 */
export function scanMatches(raw: string, sku: Scannable): boolean {
  const scanned = normaliseScan(raw);
  if (!scanned) return false;
  if (scanned === sku.code) return true;
  const key = scanKey(scanned);
  return (sku.barcodes ?? []).some((b) => scanKey(b.barcode) === key);
}

/** Compares codes as the server does: location and shipment codes ignore case. */
export function sameCode(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Elements a click may land in that take typing: focus stays there rather than going back to the scan field. */
const TAKES_TYPING =
  'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable="true"], .ant-select, .ant-picker';

/**
 * Whether a click on `target` should give focus back to the scan field: yes after a click on a
 * button, a switch or the page, no after one into a field that takes typing (the quantity, a
 * weight), whose keystrokes would otherwise all land in the scan field.
 */
export function reclaimsFocus(target: EventTarget | null): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest !== 'function' || !element.closest(TAKES_TYPING);
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
  // A context made before the page was used starts suspended (autoplay rules); a scan is a key press, so it may resume.
  if (audio.state === 'suspended') void audio.resume();
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

/** A shipment as its carton labels name it. */
export interface Labelled {
  reference: string;
  containerNumber?: string | null;
  waybillNumber?: string | null;
}

/** Whether `raw` is what a carton of `shipment` is labelled with: its reference, container or waybill number. */
export function namesShipment(raw: string, shipment: Labelled): boolean {
  const scanned = normaliseScan(raw);
  if (!scanned) return false;
  return [shipment.reference, shipment.containerNumber, shipment.waybillNumber].some((code) => sameCode(scanned, code));
}

/** The one shipment of `shipments` a scanned carton label names, if exactly one. */
export function shipmentScanned<T extends Labelled>(raw: string, shipments: readonly T[]): T | null {
  const named = shipments.filter((s) => namesShipment(raw, s));
  return named.length === 1 ? (named[0] ?? null) : null;
}
