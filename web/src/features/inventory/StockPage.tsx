import { Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useViewer } from '../../auth/useAuth';
import { AdjustModal } from './actions';
import { CheckPanel } from './CheckPanel';
import { LevelsTab } from './LevelsTab';
import { LocationTab } from './LocationTab';
import { SkuTab } from './SkuTab';

const TABS = ['warehouse', 'location', 'sku'] as const;
type Tab = (typeof TABS)[number];

/**
 * Stock: levels per SKU and warehouse (filtered by warehouse, merchant, SKU, at safety stock),
 * the bins of one location with their stock age, and a SKU search with its stock everywhere.
 * A level opens its bins and ledger. "Inventory check" verifies the ledger's invariants.
 * `?tab=` and `?atSafetyStock=1` come from the dashboard's links.
 */
export function StockPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'warehouse';
  const [checking, setChecking] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [version, setVersion] = useState(0);
  const canWrite = viewer.scopes.includes('INVENTORY_WRITE');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('stock.title')}
        </Typography.Title>
        <Space wrap>
          {canWrite && (
            <Button type="primary" data-testid="stock-adjust" onClick={() => setAdjusting(true)}>
              {t('stock.actions.adjust')}
            </Button>
          )}
          <Button data-testid="stock-check" onClick={() => setChecking(true)}>
            {t('stock.check.run')}
          </Button>
        </Space>
      </div>
      {viewer.role === 'MERCHANT' && <Typography.Paragraph style={{ margin: 0 }}>{t('stock.ownOnly')}</Typography.Paragraph>}
      {checking && <CheckPanel onClose={() => setChecking(false)} />}
      {adjusting && <AdjustModal lotTracked={false} onClose={() => setAdjusting(false)} onRefresh={() => setVersion((v) => v + 1)} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'warehouse' ? {} : { tab: key })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`stock-tab-${key}`}>{t(`stock.tabs.${key}`)}</span>,
          children:
            key === 'warehouse' ? (
              <LevelsTab key={`${params.get('atSafetyStock') ?? ''}|${version}`} atSafetyStock={params.get('atSafetyStock') === '1'} />
            ) : key === 'location' ? (
              <LocationTab key={version} />
            ) : (
              <SkuTab key={version} />
            ),
        }))}
      />
    </Space>
  );
}
