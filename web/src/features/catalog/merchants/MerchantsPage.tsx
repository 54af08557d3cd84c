import { Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import { CursorPager } from '../../../lib/CursorPager';
import { QueryError } from '../../../lib/QueryError';
import { useDebounced } from '../../../lib/useDebounced';
import { usePager } from '../../../lib/usePager';
import { MerchantsQuery } from './documents';
import { MerchantFormModal, type Merchant } from './MerchantFormModal';
import { MerchantTable } from './MerchantTable';

const PAGE_SIZE = 50;

/**
 * Merchants (货主), searchable by code or name. Owners and admins create and edit them; a
 * merchant user sees only its own (the server scopes the list).
 */
export function MerchantsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canWrite = viewer.scopes.includes('MERCHANTS_WRITE');
  const pager = usePager(PAGE_SIZE);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const typed = useDebounced(search.trim(), 300);
  // `editing`: undefined when closed, null for a new merchant.
  const [editing, setEditing] = useState<Merchant | null | undefined>(undefined);

  const applyQuery = (next: string) => {
    if (next === query) return;
    setQuery(next);
    pager.reset();
  };
  // Search as the user types, once the text settles (Enter applies it at once).
  useEffect(() => {
    applyQuery(typed);
  }, [typed]); // eslint-disable-line react-hooks/exhaustive-deps

  const [result, refetch] = useQuery({ query: MerchantsQuery, variables: { ...pager.args, query: query || null } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const connection = result.data?.merchants;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('merchants.title')}
        </Typography.Title>
        {canWrite && (
          <Button type="primary" data-testid="merchant-create" onClick={() => setEditing(null)}>
            {t('merchants.create')}
          </Button>
        )}
      </div>
      {viewer.role === 'MERCHANT' && <Typography.Paragraph style={{ margin: 0 }}>{t('merchants.ownOnly')}</Typography.Paragraph>}
      <div role="search">
        <Input.Search
          data-testid="merchant-search"
          aria-label={t('merchants.search')}
          placeholder={t('merchants.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => {
            setSearch(value);
            applyQuery(value.trim());
          }}
          style={{ maxWidth: 360 }}
        />
      </div>
      <section aria-labelledby="merchants-heading">
        <Typography.Title level={2} id="merchants-heading" style={{ fontSize: 18 }}>
          {t('merchants.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={reload} />
        <div data-testid="merchants-table" data-query={query}>
          <MerchantTable
            merchants={connection?.nodes ?? []}
            loading={result.fetching}
            query={query}
            onEdit={canWrite ? (m) => setEditing(m) : undefined}
          />
        </div>
        <div style={{ marginTop: 12 }}>
          <CursorPager
            testId="merchants-pager"
            args={pager.args}
            pageInfo={connection?.pageInfo}
            onNext={pager.next}
            onPrevious={pager.previous}
          />
        </div>
      </section>
      {editing !== undefined && (
        <MerchantFormModal
          key={editing?.id ?? 'new'}
          merchant={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            reload();
          }}
        />
      )}
    </Space>
  );
}
