import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferStatus } from '../../../gql/graphql';

export const TRANSFER_STATUSES: TransferStatus[] = ['IN_TRANSIT', 'RECEIVED', 'CANCELLED'];

/** Dark enough for white text to pass WCAG AA contrast. */
const COLOURS: Record<TransferStatus, string> = { IN_TRANSIT: '#0958d9', RECEIVED: '#237804', CANCELLED: '#595959' };

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="transfer-status" data-status={status}>
      {t(`transfers.statuses.${status}`)}
    </Tag>
  );
}

/** Path of a transfer's page. */
export const transferPath = (id: string): string => `/transfers/${encodeURIComponent(id)}`;
