import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../gql/graphql';
import { STATUS_COLOURS } from './order';

export function StatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="order-status" data-status={status}>
      {t(`orders.statuses.${status}`)}
    </Tag>
  );
}
