import { describe, expect, it } from 'vitest';
import { wantsKeyboard } from './focus';

/** An element that is inside whatever matches `inside`. */
const element = (inside: (selector: string) => boolean) => ({ closest: (selector: string) => (inside(selector) ? ({} as Element) : null) });

describe('wantsKeyboard', () => {
  it('keeps focus in fields people type into, not on buttons, radios or the page', () => {
    expect(wantsKeyboard(element((s) => s.includes('.ant-input-number')))).toBe(true);
    expect(wantsKeyboard(element(() => false))).toBe(false);
    expect(wantsKeyboard(null)).toBe(false);
    expect(wantsKeyboard({} as Element)).toBe(false);
  });
});
