import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { AuditLogQuery } from '../../../gql/graphql';
import { CursorPager } from '../../../lib/CursorPager';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { usePager } from '../../../lib/usePager';
import { AuditDetails } from './AuditDetails';
import { AuditLogQuery as AuditLogDocument } from './documents';
import { EmptyText } from '../../../lib/EmptyText';

type Entry = AuditLogQuery['auditLog']['nodes'][number];

const PAGE_SIZE = 50;

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const pager = usePager(PAGE_SIZE);
  const [result, refetch] = useQuery({
    query: AuditLogDocument,
    variables: pager.args,
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.auditLog;
  const reload = () => {
    pager.reset();
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button data-testid="audit-refresh" onClick={reload} loading={result.fetching}>
          {t('common.refresh')}
        </Button>
      </div>
      <QueryError error={result.error} onRetry={reload} />
      <div data-testid="audit-table">
        <Table<Entry>
          rowKey="id"
          loading={result.fetching && !connection}
          dataSource={connection?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('audit.empty')}</EmptyText> }}
          expandable={{
            rowExpandable: (e) => e.before != null || e.after != null,
            expandedRowRender: (e) => <AuditDetails id={e.id} before={e.before} after={e.after} requestId={e.requestId} />,
            expandIcon: ({ expanded, expandable, record, onExpand }) =>
              expandable ? (
                <Button
                  size="small"
                  type="link"
                  aria-expanded={expanded}
                  data-testid="audit-expand"
                  onClick={(event) => onExpand(record, event)}
                >
                  {expanded ? t('audit.hideDetails') : t('audit.showDetails')}
                </Button>
              ) : null,
          }}
          columns={[
            { title: t('audit.time'), key: 'at', render: (_, e) => formatDateTime(e.at, i18n.language) },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) => (
                <Space size={4}>
                  {e.actor.label}
                  <Tag>{t(`actorKind.${e.actor.kind}`)}</Tag>
                </Space>
              ),
            },
            {
              title: t('audit.action'),
              key: 'action',
              render: (_, e) => (
                <Typography.Text code data-testid="audit-action">
                  {e.action}
                </Typography.Text>
              ),
            },
            { title: t('audit.subject'), key: 'subject', render: (_, e) => e.subjectId ?? '—' },
          ]}
        />
      </div>
      <CursorPager
        testId="audit-pager"
        args={pager.args}
        pageInfo={connection?.pageInfo}
        onNext={pager.next}
        onPrevious={pager.previous}
      />
    </Space>
  );
}
