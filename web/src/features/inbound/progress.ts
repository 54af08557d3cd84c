import type { ProgressProps } from 'antd';

/** A finished bar's colour: dark green (antd's success green is too light for its text). */
export const DONE_STROKE = '#237804';

/**
 * How a progress bar of `percent` looks: red with a discrepancy; dark green once finished, its
 * status kept `normal`, since antd's `success` writes the figures beside the bar in a green
 * below WCAG AA contrast.
 */
export function progressLook(percent: number, exception = false): Pick<ProgressProps, 'status' | 'strokeColor'> {
  if (exception) return { status: 'exception' };
  return percent >= 100 ? { status: 'normal', strokeColor: DONE_STROKE } : { status: 'normal' };
}
