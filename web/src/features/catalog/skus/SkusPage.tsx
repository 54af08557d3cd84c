import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import type { SkusQuery as SkusQueryResult } from '../../../gql/graphql';
import { CursorPager } from '../../../lib/CursorPager';
import { FormErrors } from '../../../lib/FormErrors';
import { QueryError } from '../../../lib/QueryError';
import { useDebounced } from '../../../lib/useDebounced';
import { usePager } from '../../../lib/usePager';
import { MerchantSelect } from '../merchants/MerchantSelect';
import { SkusQuery } from './documents';
import { downloadFile } from './files';
import { exportUrl } from './exportUrl';
import { SkuImportModal } from './SkuImportModal';

const PAGE_SIZE = 50;

type Sku = SkusQueryResult['skus']['nodes'][number];

/**
 * SKUs of the merchants, searchable by code, barcode or name and narrowed to one merchant;
 * "Import" reads a Shopify product export or Silkport's SKU CSV, "Export CSV" writes the
 * merchant's SKUs in Silkport's CSV (which imports back). A merchant user sees its own only.
 */
export function SkusPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const merchantBound = viewer.role === 'MERCHANT';
  const canWrite = viewer.scopes.includes('CATALOG_WRITE');
  const pager = usePager(PAGE_SIZE);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 300);
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => pager.reset(), [query, merchantId]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({
    query: SkusQuery,
    variables: { ...pager.args, query: query || null, merchantId },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const connection = result.data?.skus;

  const exportCsv = async () => {
    setErrors([]);
    try {
      await downloadFile(exportUrl(merchantId), 'skus.csv');
    } catch (error) {
      setErrors([error instanceof Error ? error.message : t('common.networkError')]);
    }
  };

  const columns = [
    { title: t('skus.code'), dataIndex: 'code', key: 'code' },
    {
      title: t('skus.name'),
      key: 'name',
      render: (_: unknown, sku: Sku) => [sku.nameZh, sku.nameEn].filter(Boolean).join(' / '),
    },
    {
      title: t('skus.options'),
      key: 'options',
      render: (_: unknown, sku: Sku) => sku.options.map((o) => `${o.name}: ${o.value}`).join(', '),
    },
    { title: t('skus.product'), key: 'product', render: (_: unknown, sku: Sku) => sku.product.handle },
    {
      title: t('skus.barcodes'),
      key: 'barcodes',
      render: (_: unknown, sku: Sku) => sku.barcodes.map((b) => b.barcode).join(', '),
    },
    { title: t('skus.weight'), dataIndex: 'weightGrams', key: 'weight' },
    {
      title: t('skus.status'),
      key: 'status',
      render: (_: unknown, sku: Sku) => <Tag>{t(`skus.statuses.${sku.status}`)}</Tag>,
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('skus.title')}
        </Typography.Title>
        <Space>
          <Button
            data-testid="sku-export"
            disabled={!merchantBound && merchantId === null}
            title={!merchantBound && merchantId === null ? t('skus.exportNeedsMerchant') : undefined}
            onClick={() => void exportCsv()}
          >
            {t('skus.export')}
          </Button>
          {canWrite && (
            <Button type="primary" data-testid="sku-import" onClick={() => setImporting(true)}>
              {t('skus.import.open')}
            </Button>
          )}
        </Space>
      </div>
      <FormErrors messages={errors} />
      <div role="search" style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Input.Search
          aria-label={t('skus.search')}
          placeholder={t('skus.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 360 }}
        />
        {!merchantBound && (
          <label htmlFor="skus-merchant-filter" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {t('skus.merchantFilter')}
            <MerchantSelect
              id="skus-merchant-filter"
              data-testid="skus-merchant"
              allowClear
              value={merchantId}
              onChange={(id) => setMerchantId(id ?? null)}
              style={{ minWidth: 240 }}
            />
          </label>
        )}
      </div>
      <section aria-labelledby="skus-heading">
        <Typography.Title level={2} id="skus-heading" style={{ fontSize: 18 }}>
          {t('skus.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={reload} />
        <Table<Sku>
          rowKey="id"
          columns={columns}
          dataSource={connection?.nodes ?? []}
          loading={result.fetching}
          pagination={false}
          // Wide rows scroll inside the table, not the page (phones).
          scroll={{ x: 'max-content' }}
          data-testid="skus-table"
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager
            testId="skus-pager"
            args={pager.args}
            pageInfo={connection?.pageInfo}
            onNext={pager.next}
            onPrevious={pager.previous}
          />
        </div>
      </section>
      {importing && (
        <SkuImportModal
          merchantBound={merchantBound}
          onClose={(changed) => {
            setImporting(false);
            if (changed) reload();
          }}
        />
      )}
    </Space>
  );
}
