/** Text for an empty table. Ant Design greys a plain string out below WCAG AA contrast. */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
