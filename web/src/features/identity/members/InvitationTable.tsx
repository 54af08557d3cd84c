import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationsQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';
import { EmptyText } from '../../../lib/EmptyText';
import { RoleLabel } from './RoleLabel';

type Invitation = InvitationsQuery['invitations']['nodes'][number];

/** Invitations not yet accepted (expired ones are marked). */
export function InvitationTable({ invitations, loading }: { invitations: Invitation[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  const pending = invitations.filter((i) => !i.acceptedAt);
  return (
    <Table<Invitation>
      rowKey="id"
      loading={loading}
      dataSource={pending}
      pagination={false}
      locale={{ emptyText: <EmptyText>{t('members.noInvitations')}</EmptyText> }}
      columns={[
        { title: t('members.email'), dataIndex: 'email', key: 'email' },
        { title: t('members.role'), key: 'role', render: (_, i) => <RoleLabel role={i.role} merchant={i.merchant} /> },
        { title: t('members.invite.locale'), key: 'locale', render: (_, i) => t(`locale.${i.locale}`) },
        { title: t('members.invitedAt'), key: 'createdAt', render: (_, i) => formatDateTime(i.createdAt, i18n.language) },
        {
          title: t('members.expiresAt'),
          key: 'expiresAt',
          render: (_, i) => (
            <>
              {formatDateTime(i.expiresAt, i18n.language)}{' '}
              {Date.parse(i.expiresAt) < now && <Tag color="red">{t('members.expired')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
