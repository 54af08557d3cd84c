import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import type { InvitationsQuery } from '../../../gql/graphql';
import { EmptyText } from '../../../lib/EmptyText';
import { formatDateTime } from '../../../lib/format';
import { InvitationResendMutation, InvitationRevokeMutation } from './documents';
import { RoleLabel } from './RoleLabel';

type Invitation = InvitationsQuery['invitations']['nodes'][number];

// Not antd's secondary grey: it falls below WCAG AA contrast.
const REASON = { fontSize: 12, color: 'rgba(0, 0, 0, 0.65)', display: 'block', maxWidth: 220 } as const;

/** Open invitations (the server lists no one who joined), expired ones marked, each resendable and revocable. */
export function InvitationTable({
  invitations,
  loading,
  onChanged,
}: {
  invitations: Invitation[];
  loading: boolean;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const [resending, resend] = useMutation(InvitationResendMutation);
  const [, revoke] = useMutation(InvitationRevokeMutation);

  const report = (errors: { message: string }[] | undefined, failed: boolean, success: string) => {
    if (failed) message.error(t('common.networkError'));
    else if (errors && errors.length > 0) message.error(errors.map((e) => e.message).join(' '));
    else message.success(success);
    onChanged();
  };

  const onResend = async (invitation: Invitation) => {
    const r = await resend({ input: { id: invitation.id } });
    report(r.data?.invitationResend.userErrors, Boolean(r.error), t('members.invitation.resent', { email: invitation.email }));
  };

  const onRevoke = async (invitation: Invitation) => {
    const r = await revoke({ input: { id: invitation.id } });
    report(r.data?.invitationRevoke.userErrors, Boolean(r.error), t('members.invitation.revoked', { email: invitation.email }));
  };

  return (
    <Table<Invitation>
      rowKey="id"
      loading={loading}
      dataSource={invitations}
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
            <Space size={4} wrap>
              {formatDateTime(i.expiresAt, i18n.language)}
              {/* Red for expired; antd's green tag text falls below WCAG AA contrast. */}
              <Tag color={i.status === 'EXPIRED' ? 'red' : undefined} data-testid="invitation-status" data-status={i.status}>
                {t(`members.invitation.status.${i.status}`)}
              </Tag>
            </Space>
          ),
        },
        {
          title: t('members.actions'),
          key: 'actions',
          render: (_, i) => {
            // The server lets only an owner resend an owner's invitation.
            const resendBlocked = i.role === 'OWNER' && viewer.role !== 'OWNER';
            return (
              <Space direction="vertical" size={4}>
                <Space size={4} wrap>
                  <Button
                    size="small"
                    data-testid="invitation-resend"
                    disabled={resendBlocked}
                    loading={resending.fetching && resending.operation?.variables.input.id === i.id}
                    aria-label={t('members.invitation.resendTo', { email: i.email })}
                    onClick={() => void onResend(i)}
                  >
                    {t('members.invitation.resend')}
                  </Button>
                  <Popconfirm
                    title={t('members.invitation.revokeConfirm', { email: i.email })}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    okButtonProps={{ id: 'invitation-revoke-confirm' }}
                    onConfirm={() => onRevoke(i)}
                  >
                    <Button
                      danger
                      size="small"
                      data-testid="invitation-revoke"
                      aria-label={t('members.invitation.revokeTo', { email: i.email })}
                    >
                      {t('members.invitation.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
                {resendBlocked && <Typography.Text style={REASON}>{t('members.invitation.ownerOnly')}</Typography.Text>}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
