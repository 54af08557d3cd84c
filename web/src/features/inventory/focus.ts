/** Controls that take typing: a click into one keeps its focus (anything else returns it to the scan field). */
const TYPING = 'textarea, [contenteditable="true"], .ant-select, .ant-input-number, input:not([type="radio"]):not([type="checkbox"])';

/** Whether the clicked element is (inside) a control the user types into. */
export function wantsKeyboard(target: Pick<Element, 'closest'> | null | undefined): boolean {
  return typeof target?.closest === 'function' && target.closest(TYPING) !== null;
}
