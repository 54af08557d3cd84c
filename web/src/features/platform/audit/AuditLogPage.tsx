import { Button, DatePicker, Form, Grid, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyText } from '../../../lib/EmptyText';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { ActivitySentence } from './ActivitySentence';
import { CATEGORIES, actionsOf, describe } from './activity';
import { AuditDetails } from './AuditDetails';
import { AuditLogQuery, AuditPeopleQuery } from './documents';
import { NO_FILTERS, isFiltered, toServerFilter, type FeedFilters } from './filters';

const PAGE_SIZE = 50;
/** The deepest the server pages by offset (`MAX_OFFSET` in `domain/src/platform/paging.rs`). */
const MAX_OFFSET = 100_000;

// Not antd's secondary grey: it falls below WCAG AA contrast.
const SMALL = { fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' } as const;

/**
 * The audit log as an activity feed: each entry in words with its actor and a link to its
 * subject, security events tagged; filters by person, action and days, run by the server;
 * numbered pages over the filtered total.
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<FeedFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const filter = useMemo(() => toServerFilter(filters), [filters]);
  const [result, refetch] = useQuery({
    query: AuditLogQuery,
    variables: { first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, filter },
    requestPolicy: 'cache-and-network',
  });
  const [people] = useQuery({ query: AuditPeopleQuery });
  const connection = result.data?.auditLog;
  const total = connection?.totalCount ?? 0;
  const pageable = Math.min(total, MAX_OFFSET + PAGE_SIZE);

  const names = useMemo(
    () => new Map((people.data?.members.nodes ?? []).map((m) => [m.user.id, m.user.name] as const)),
    [people.data],
  );
  const personOptions = [
    {
      label: t('audit.category.members'),
      options: (people.data?.members.nodes ?? []).map((m) => ({
        value: m.user.id,
        label: `${m.user.name} (${m.user.email})`,
      })),
    },
    {
      label: t('audit.category.access'),
      options: (people.data?.apiClients.nodes ?? []).map((c) => ({ value: c.id, label: c.name })),
    },
  ];
  const actionOptions = CATEGORIES.map((category) => ({
    label: t(`audit.category.${category}`),
    options: actionsOf(category).map((action) => ({ value: action, label: t(`audit.actionName.${action}`) })),
  }));

  const change = (next: FeedFilters) => {
    setFilters(next);
    setPage(1);
  };
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const field = phone ? { width: '100%' } : { minWidth: 220 };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button data-testid="audit-refresh" onClick={reload} loading={result.fetching}>
          {t('common.refresh')}
        </Button>
      </div>
      <section aria-label={t('audit.filter.label')}>
        <Form layout={phone ? 'vertical' : 'inline'} style={{ rowGap: 12 }}>
          <Form.Item label={t('audit.filter.person')} htmlFor="audit-person" style={phone ? { width: '100%' } : undefined}>
            <Select
              id="audit-person"
              data-testid="audit-filter-person"
              allowClear
              showSearch
              optionFilterProp="label"
              virtual={false}
              placeholder={t('audit.filter.personPlaceholder')}
              style={field}
              value={filters.actorId}
              options={personOptions}
              optionRender={(option) => <span data-testid={`audit-person-option-${option.label}`}>{option.label}</span>}
              onChange={(actorId?: string) => change({ ...filters, actorId })}
            />
          </Form.Item>
          <Form.Item label={t('audit.filter.actions')} htmlFor="audit-actions" style={phone ? { width: '100%' } : undefined}>
            <Select
              id="audit-actions"
              data-testid="audit-filter-actions"
              mode="multiple"
              allowClear
              virtual={false}
              maxTagCount="responsive"
              optionFilterProp="label"
              placeholder={t('audit.filter.actionsPlaceholder')}
              style={phone ? field : { minWidth: 260 }}
              value={filters.actions}
              options={actionOptions}
              optionRender={(option) => <span data-testid={`audit-action-option-${option.value}`}>{option.label}</span>}
              onChange={(actions: string[]) => change({ ...filters, actions })}
            />
          </Form.Item>
          <Form.Item label={t('audit.filter.dates')} style={phone ? { width: '100%' } : undefined}>
            <DatePicker.RangePicker
              data-testid="audit-filter-dates"
              allowClear
              style={phone ? { width: '100%' } : undefined}
              placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
              value={filters.days ?? null}
              onChange={(days) => change({ ...filters, days: days?.[0] && days[1] ? [days[0], days[1]] : null })}
            />
          </Form.Item>
          {isFiltered(filters) && (
            <Form.Item>
              <Button data-testid="audit-filter-clear" onClick={() => change(NO_FILTERS)}>
                {t('audit.filter.clear')}
              </Button>
            </Form.Item>
          )}
        </Form>
      </section>
      <QueryError error={result.error} onRetry={reload} />
      <div data-testid="audit-feed" data-total={connection ? total : undefined}>
        <List
          loading={result.fetching && !connection}
          dataSource={connection?.nodes ?? []}
          locale={{ emptyText: <EmptyText>{t('audit.empty')}</EmptyText> }}
          bordered
          renderItem={(entry) => {
            const activity = describe(entry, names);
            const expanded = open.has(entry.id);
            return (
              <List.Item
                key={entry.id}
                data-testid="audit-entry"
                data-entry-id={entry.id}
                data-action={entry.action}
                style={{ display: 'block' }}
              >
                <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between' }}>
                  <div style={{ minWidth: 0 }}>
                    <div data-testid="audit-sentence">
                      <ActivitySentence activity={activity} action={entry.action} />
                      {activity.category === 'security' && (
                        <Tag color="red" data-testid="audit-security" style={{ marginLeft: 8 }}>
                          {t('audit.category.security')}
                        </Tag>
                      )}
                    </div>
                    <time dateTime={entry.at} style={SMALL}>
                      {formatDateTime(entry.at, i18n.language)}
                    </time>
                  </div>
                  <Button
                    size="small"
                    type="link"
                    aria-expanded={expanded}
                    data-testid="audit-expand"
                    onClick={() => toggle(entry.id)}
                  >
                    {expanded ? t('audit.hideDetails') : t('audit.showDetails')}
                  </Button>
                </div>
                {expanded && (
                  <div style={{ marginTop: 8 }}>
                    <AuditDetails
                      id={entry.id}
                      action={entry.action}
                      before={entry.before}
                      after={entry.after}
                      requestId={entry.requestId}
                    />
                  </div>
                )}
              </List.Item>
            );
          }}
        />
      </div>
      {total > pageable && <Typography.Text style={SMALL}>{t('audit.tooMany', { count: total, shown: pageable })}</Typography.Text>}
      <div data-testid="audit-pagination">
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={pageable}
          showSizeChanger={false}
          simple={phone}
          showTotal={phone ? undefined : () => t('audit.total', { count: total })}
          onChange={setPage}
        />
      </div>
    </Space>
  );
}
