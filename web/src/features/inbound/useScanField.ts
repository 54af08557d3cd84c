import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { InputRef } from 'antd';
import { beep, reclaimsFocus } from './scan';

/** How the last scan went: shown in words, colour and sound until the next one. */
export type ScanOutcome = { ok: boolean; text: string };

/** A row holding the scan field and what goes beside it; it wraps on a phone. */
export const SCAN_ROW: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 12 };

/** The scan field in a [`SCAN_ROW`]: 360 px at most; on a phone it shrinks to the width there is. */
export const SCAN_FIELD: CSSProperties = { flex: '1 1 240px', maxWidth: 360, minWidth: 0 };

/** How long a refused scan floods its area red, in milliseconds. */
const FLASH_MS = 600;

/**
 * The scan field of a scanner screen (receiving, picking, packing) and what it reports.
 * Focus goes to the field as soon as it is `shown` and comes back after a click elsewhere
 * (except into a field that takes typing); `refuse` floods the scan area red, beeps low and
 * keeps the area tinted red until a scan is accepted; `accept` beeps high.
 */
export function useScanField(shown: boolean) {
  const field = useRef<InputRef>(null);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [flash, setFlash] = useState(false);
  /** Scans reported so far: `data-reported` tells an observer (the end-to-end test) that a new outcome came, even in the same words. */
  const [reported, setReported] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const focus = useCallback(() => field.current?.focus(), []);

  useEffect(() => {
    if (shown) focus();
  }, [shown, focus]);

  useEffect(() => {
    const keep = (event: MouseEvent) => {
      if (reclaimsFocus(event.target)) setTimeout(focus, 0);
    };
    window.addEventListener('click', keep);
    return () => {
      window.removeEventListener('click', keep);
      clearTimeout(timer.current);
    };
  }, [focus]);

  const refuse = useCallback((text: string) => {
    setOutcome({ ok: false, text });
    setReported((n) => n + 1);
    setFlash(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFlash(false), FLASH_MS);
    beep(false);
  }, []);

  const accept = useCallback((text: string) => {
    setOutcome({ ok: true, text });
    setReported((n) => n + 1);
    beep(true);
  }, []);

  /**
   * The scan area's attributes: its colour (`base` while nothing is refused), and `data-outcome`,
   * `data-flash` and `data-reported` (how many scans were reported) saying why.
   */
  const area = (base?: string) => ({
    'data-outcome': outcome ? (outcome.ok ? 'accepted' : 'refused') : undefined,
    'data-reported': reported,
    'data-flash': flash ? 'refused' : undefined,
    style: scanAreaStyle(flash, outcome, base),
  });

  return { field, focus, outcome, refuse, accept, area };
}

/** Red while a refusal flashes, pale red after a refused scan, `base` (pale green) otherwise. */
export function scanAreaStyle(flash: boolean, outcome: ScanOutcome | null, base = '#f6ffed'): CSSProperties {
  const backgroundColor = flash ? '#ff4d4f' : outcome && !outcome.ok ? '#fff1f0' : base;
  return { padding: 16, borderRadius: 8, transition: 'background-color 0.15s', backgroundColor };
}
