import { Select } from 'antd';
import { useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { LocationType } from '../../gql/graphql';
import { useDebounced } from '../../lib/useDebounced';
import { LocationOptionsQuery, SkuOptionsQuery, WarehouseOptionsQuery } from './documents';

interface PickerProps {
  value?: string | null;
  onChange?(id: string | undefined): void;
  /** Set by `Form.Item`, so its label names the picker. */
  id?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

/**
 * The options of the last answer until the next one arrives: urql forgets the data of the old
 * search while it asks for the new one, and an emptied list would flicker under the pointer.
 */
export function useLatest<T>(nodes: readonly T[] | undefined): readonly T[] {
  const last = useRef<readonly T[]>([]);
  if (nodes) last.current = nodes;
  return last.current;
}

/** Picks a warehouse by code; options carry `warehouse-option-<code>`. */
export function WarehouseSelect({ value, onChange, id, allowClear, style, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: WarehouseOptionsQuery });
  const warehouses = result.data?.warehouses.nodes ?? [];
  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      allowClear={allowClear}
      style={style}
      virtual={false}
      loading={result.fetching}
      placeholder={t('stock.pick.warehouse')}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, code: w.code }))}
      optionRender={(option) => <span data-testid={`warehouse-option-${option.data.code}`}>{option.label}</span>}
    />
  );
}

/**
 * Picks a location by code, searching the server as one types (the first 20 whose code starts
 * with it), within one warehouse and of one type when given; options carry
 * `location-option-<code>`.
 */
export function LocationSelect({
  value,
  onChange,
  id,
  allowClear,
  style,
  warehouseId,
  type,
  accept,
  ...rest
}: PickerProps & {
  warehouseId?: string | null;
  /** Only locations of this type (asked of the server). */
  type?: LocationType;
  /** Only locations of these types (filtered here, for a choice of several). */
  accept?: readonly LocationType[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [result] = useQuery({ query: LocationOptionsQuery, variables: { warehouseId: warehouseId ?? null, type: type ?? null, query: query || null } });
  const locations = useLatest(result.data?.locations.nodes).filter((l) => (l.active && (!accept || accept.includes(l.type))) || l.id === value);
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
      placeholder={t('stock.pick.location')}
      notFoundContent={result.fetching ? null : t('stock.pick.none')}
      onChange={(next) => {
        setSearch('');
        onChange?.(next ?? undefined);
      }}
      options={locations.map((l) => ({
        value: l.id,
        label: warehouseId ? `${l.code} (${t(`stock.locationTypes.${l.type}`)})` : `${l.warehouse.code} ${l.code}`,
        code: l.code,
      }))}
      optionRender={(option) => <span data-testid={`location-option-${option.data.code}`}>{option.label}</span>}
    />
  );
}

/** Picks a SKU by code, barcode or name (the server searches); options carry `sku-option-<code>`. */
export function SkuSelect({ value, onChange, id, allowClear, style, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [result] = useQuery({ query: SkuOptionsQuery, variables: { query: query || null } });
  const skus = useLatest(result.data?.skus.nodes);
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
      placeholder={t('stock.pick.sku')}
      notFoundContent={result.fetching ? null : t('stock.pick.none')}
      onChange={(next) => {
        setSearch('');
        onChange?.(next ?? undefined);
      }}
      options={skus.map((s) => ({ value: s.id, label: s.merchant ? `${s.code} · ${s.merchant.code}` : s.code, code: s.code, merchant: s.merchant?.code ?? '' }))}
      optionRender={(option) => (
        <span data-testid={`sku-option-${option.data.code}`} data-merchant={option.data.merchant}>
          {option.label}
        </span>
      )}
    />
  );
}
