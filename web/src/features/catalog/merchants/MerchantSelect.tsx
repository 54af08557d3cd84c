import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useDebounced } from '../../../lib/useDebounced';
import { MerchantOptionsQuery } from './documents';

export interface MerchantOption {
  id: string;
  code: string;
  name: string;
}

/** How many merchants the picker offers at once; typing narrows them on the server. */
const OPTIONS = 20;

interface Props {
  /** Merchant id; set by `Form.Item`. */
  value?: string | null;
  onChange?(id: string | undefined): void;
  /** Set by `Form.Item`, so its label names the picker. */
  id?: string;
  /** The merchant of `value` when it may not be among the first options (an existing binding). */
  initial?: MerchantOption | null;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
  /** Called with the chosen merchant (undefined when cleared). */
  onMerchant?(merchant: MerchantOption | undefined): void;
}

/**
 * Picks a merchant (货主): searchable, asking the server for the first 20 whose code starts
 * with, or whose name contains, what the user types. Options carry `merchant-option-<code>`.
 */
export function MerchantSelect({ value, onChange, id, initial, allowClear, style, onMerchant, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [result] = useQuery({ query: MerchantOptionsQuery, variables: { first: OPTIONS, query: query || null } });
  const [chosen, setChosen] = useState<MerchantOption | null>(initial ?? null);

  const found = result.data?.merchants.nodes ?? [];
  const known = chosen && chosen.id === value && !found.some((m) => m.id === chosen.id) ? [chosen, ...found] : found;

  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      showSearch
      allowClear={allowClear}
      style={style}
      filterOption={false}
      virtual={false}
      searchValue={search}
      onSearch={setSearch}
      loading={result.fetching}
      placeholder={t('merchants.select.placeholder')}
      notFoundContent={result.fetching ? null : t('merchants.select.notFound')}
      onChange={(next) => {
        const merchant = known.find((m) => m.id === next);
        setChosen(merchant ?? null);
        setSearch('');
        onChange?.(next ?? undefined);
        onMerchant?.(merchant);
      }}
      options={known.map((m) => ({ value: m.id, label: `${m.code} · ${m.name}`, code: m.code }))}
      optionRender={(option) => <span data-testid={`merchant-option-${option.data.code}`}>{option.label}</span>}
    />
  );
}
