import { Table, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * An antd Table whose horizontally scrolling body can be reached by keyboard (WCAG 2.1.1), for a
 * table whose cells may hold nothing focusable: on a phone it scrolls sideways, and without a
 * focusable element in it a keyboard user could not scroll it (axe: scrollable-region-focusable).
 */
export function KeyboardScrollTable<T extends object>(props: TableProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('.ant-table-content').forEach((scroller) => {
      if (!scroller.hasAttribute('tabindex')) scroller.tabIndex = 0;
    });
  });
  return (
    <div ref={box}>
      <Table<T> {...props} />
    </div>
  );
}
