import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CountStatus } from '../../../gql/graphql';

export const COUNT_STATUSES: CountStatus[] = ['OPEN', 'COUNTED', 'APPROVED'];

/** Dark enough for white text to pass WCAG AA contrast. */
const COLOURS: Record<CountStatus, string> = { OPEN: '#0958d9', COUNTED: '#ad4e00', APPROVED: '#237804' };

export function CountStatusTag({ status }: { status: CountStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="count-status" data-status={status}>
      {t(`counts.statuses.${status}`)}
    </Tag>
  );
}

/** Path of a count task's screen (counting while open, its review after). */
export const countPath = (id: string): string => `/counts/${encodeURIComponent(id)}`;

/** What a task counts, in words: "Location A-01-01" or "SKU TEE-RED". */
export function scopeText(t: TFunction, task: { location?: { code: string } | null; sku?: { code: string } | null }): string {
  if (task.location) return t('counts.ofLocation', { code: task.location.code });
  return t('counts.ofSku', { code: task.sku?.code ?? '' });
}
