import { Alert } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { beep } from '../inbound/scan';
import { wantsKeyboard } from './focus';

/** How the last scan went: shown at once (and heard). */
export type ScanOutcome = { ok: boolean; text: string };

/**
 * The behaviour every scanner screen shares: focus stays in the scan field (a click anywhere
 * but another field brings it back), a good scan beeps high, a refused one flashes the area
 * red and beeps low, and the outcome is announced (`status` or `alert`). The field takes focus
 * whenever `stage` changes (the screen loaded, or went on to its next kind of task).
 */
export function useScanScreen(stage?: unknown) {
  const field = useRef<InputRef>(null);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [flash, setFlash] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const refocus = useCallback(() => field.current?.focus(), []);

  useEffect(() => refocus(), [refocus, stage]);

  useEffect(() => {
    const keep = (event: MouseEvent) => {
      if (!wantsKeyboard(event.target as Element | null)) setTimeout(refocus, 0);
    };
    window.addEventListener('click', keep);
    return () => window.removeEventListener('click', keep);
  }, [refocus]);

  const refuse = useCallback((text: string) => {
    setOutcome({ ok: false, text });
    setRefusals((n) => n + 1);
    setFlash(true);
    setTimeout(() => setFlash(false), 600);
    beep(false);
  }, []);

  const accept = useCallback((text: string) => {
    setOutcome({ ok: true, text });
    beep(true);
  }, []);

  return { field, outcome, flash, refusals, refuse, accept, refocus, clear: () => setOutcome(null) };
}

/**
 * The scan area: green while all is well, red for a moment on a refusal, the outcome under it.
 * `data-refusals` counts the refusals, so a test sees one after the flash has gone.
 */
export function ScanArea({
  testId,
  flash,
  refusals,
  outcome,
  children,
}: {
  testId: string;
  flash: boolean;
  refusals: number;
  outcome: ScanOutcome | null;
  children: ReactNode;
}) {
  return (
    <div
      data-testid={`${testId}-area`}
      data-flash={flash ? 'refused' : undefined}
      data-refusals={refusals}
      style={{ padding: 16, borderRadius: 8, backgroundColor: flash ? '#ff4d4f' : '#f6ffed' }}
    >
      {children}
      <ScanOutcomeAlert testId={testId} outcome={outcome} style={{ marginTop: 12 }} />
    </div>
  );
}

/** How the last scan went, announced; also shown on its own once the last scan closed the screen. */
export function ScanOutcomeAlert({ testId, outcome, style }: { testId: string; outcome: ScanOutcome | null; style?: CSSProperties }) {
  if (!outcome) return null;
  return (
    <Alert
      role={outcome.ok ? 'status' : 'alert'}
      data-testid={`${testId}-outcome`}
      data-ok={outcome.ok ? 'true' : 'false'}
      style={style}
      type={outcome.ok ? 'success' : 'error'}
      message={outcome.text}
    />
  );
}
