/** ISO 4217 codes offered for a merchant's default currency, most common first. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'HKD', 'SGD', 'AUD', 'CAD'] as const;

export const DEFAULT_CURRENCY = 'CNY';

/** `CNY — Chinese Yuan` in the UI language; the bare code where the engine has no name. */
export function currencyLabel(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}

/** The offered codes, plus `current` when a merchant already uses another one. */
export function currencyCodes(current?: string | null): string[] {
  return current && !(CURRENCIES as readonly string[]).includes(current) ? [...CURRENCIES, current] : [...CURRENCIES];
}
