import { Select, Tag } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { OrderStatus, ReturnStatus } from '../../gql/graphql';
import { useDebounced } from '../../lib/useDebounced';
import { useLatest } from '../inventory/pickers';
import { ReturnOrderOptionsQuery } from './documents';
import type { LineState } from './rma';

export const RETURN_STATUSES: ReturnStatus[] = ['REQUESTED', 'RECEIVING', 'COMPLETED', 'CANCELLED'];

/** Dark enough for white text to pass WCAG AA contrast. */
const COLOURS: Record<ReturnStatus, string> = { REQUESTED: '#0958d9', RECEIVING: '#ad4e00', COMPLETED: '#237804', CANCELLED: '#595959' };
const LINE_COLOURS: Record<LineState, string> = { expected: '#0958d9', receiving: '#ad4e00', inspecting: '#ad4e00', done: '#237804' };

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="return-status" data-status={status}>
      {t(`returns.statuses.${status}`)}
    </Tag>
  );
}

export function LineStateTag({ state }: { state: LineState }) {
  const { t } = useTranslation();
  return (
    <Tag color={LINE_COLOURS[state]} data-testid="return-line-state" data-state={state}>
      {t(`returns.lineStates.${state}`)}
    </Tag>
  );
}

/** Path of a return's page. */
export const returnPath = (id: string): string => `/returns/${encodeURIComponent(id)}`;

interface OrderSelectProps {
  value?: string | null;
  onChange?(id: string | undefined): void;
  id?: string;
  /** Only orders in these states are offered (a return needs a shipped one). */
  statuses?: readonly OrderStatus[];
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

/**
 * Picks an order by its reference, asking the server for the first 20 that start with what is
 * typed (a merchant user is offered its own only); options carry `order-option-<reference>`.
 */
export function OrderSelect({ value, onChange, id, statuses, allowClear, style, ...rest }: OrderSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [result] = useQuery({ query: ReturnOrderOptionsQuery, variables: { query: query || null } });
  const orders = useLatest(result.data?.orders.nodes).filter((o) => !statuses || statuses.includes(o.status) || o.id === value);
  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      showSearch
      filterOption={false}
      searchValue={search}
      onSearch={setSearch}
      allowClear={allowClear}
      style={style}
      virtual={false}
      loading={result.fetching}
      placeholder={t('returns.pickOrder')}
      notFoundContent={result.fetching ? null : t('returns.noOrder')}
      onChange={(next) => {
        setSearch('');
        onChange?.(next ?? undefined);
      }}
      options={orders.map((o) => ({ value: o.id, label: `${o.reference} · ${t(`returns.orderStatuses.${o.status}`)}`, reference: o.reference }))}
      optionRender={(option) => <span data-testid={`order-option-${option.data.reference}`}>{option.label}</span>}
    />
  );
}
