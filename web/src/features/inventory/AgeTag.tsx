import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGE_BUCKETS, AGE_COLOURS, ageBucket, ageSummary } from './stock';

/** A bin's stock age: its days and its band (库龄). */
export function AgeTag({ days }: { days: number }) {
  const { t } = useTranslation();
  const bucket = ageBucket(days);
  return (
    <Tag color={AGE_COLOURS[bucket]} data-testid="stock-age" data-bucket={bucket}>
      {t('stock.age.days', { days })} · {t(`stock.age.buckets.${bucket}`)}
    </Tag>
  );
}

/** Units per stock-age band over some bins. */
export function AgeSummary({ bins }: { bins: ReadonlyArray<{ ageDays: number; onHand: number }> }) {
  const { t } = useTranslation();
  const summary = ageSummary(bins);
  return (
    <Space wrap data-testid="stock-age-summary" aria-label={t('stock.age.summary')}>
      <span>{t('stock.age.summary')}:</span>
      {AGE_BUCKETS.map((b) => (
        // No colour transition: while the bins load, a tag fading from light to dark
        // would show white text on a light ground.
        <Tag
          key={b}
          color={summary[b] > 0 ? AGE_COLOURS[b] : undefined}
          style={{ transition: 'none' }}
          data-testid={`stock-age-${b}`}
        >
          {t(`stock.age.buckets.${b}`)}: {summary[b]}
        </Tag>
      ))}
    </Space>
  );
}
