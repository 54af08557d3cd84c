import { App, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import type { MembersQuery, Role } from '../../../gql/graphql';
import { ROLES } from '../../../lib/enums';
import { formatDateTime } from '../../../lib/format';
import { MemberRemoveMutation, MemberRoleChangeMutation } from './documents';
import { memberActions, roleChangeKind } from './memberActions';
import { MerchantRoleModal } from './MerchantRoleModal';
import { MerchantLabel } from './RoleLabel';

type Member = MembersQuery['members']['nodes'][number];

interface Props {
  members: Member[];
  /** Owners of the tenant, for the last-owner rule; unknown while loading. */
  ownerCount: number | undefined;
  loading: boolean;
  onChanged(): void;
}

// Not antd's secondary grey: it falls below WCAG AA contrast.
const REASON = { fontSize: 12, color: 'rgba(0, 0, 0, 0.65)', display: 'block', maxWidth: 240 } as const;

/**
 * Members with their role and removal. A role change is confirmed first (with a warning when
 * someone becomes or stops being an owner); an action that can only fail (one's own row, the
 * last owner, an owner when the viewer is not one) is disabled with the reason beside it.
 */
export function MemberTable({ members, ownerCount, loading, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const viewer = useViewer();
  const [, changeRole] = useMutation(MemberRoleChangeMutation);
  const [, remove] = useMutation(MemberRemoveMutation);
  // The member being made a MERCHANT: the role needs a merchant, asked for in a modal.
  const [toMerchant, setToMerchant] = useState<Member | null>(null);
  const context = { viewerUserId: viewer.user?.id, viewerRole: viewer.role, ownerCount };

  const report = (errors: { message: string }[] | undefined, failed: boolean, success: string) => {
    if (failed) message.error(t('common.networkError'));
    else if (errors && errors.length > 0) message.error(errors.map((e) => e.message).join(' '));
    else message.success(success);
    onChanged();
  };

  const applyRole = async (member: Member, role: Role) => {
    const r = await changeRole({ input: { memberId: member.id, role } });
    report(r.data?.memberRoleChange.userErrors, Boolean(r.error), t('members.roleChanged'));
  };

  const onRole = (member: Member, role: Role) => {
    if (role === member.role) return;
    if (role === 'MERCHANT') {
      setToMerchant(member);
      return;
    }
    const kind = roleChangeKind(member.role, role);
    const values = { name: member.user.name, from: t(`role.${member.role}`), to: t(`role.${role}`) };
    modal.confirm({
      title: t(`members.confirm.${kind}.title`, values),
      content: t(`members.confirm.${kind}.body`, values),
      okText: t(`members.confirm.${kind}.ok`, values),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: kind !== 'plain', id: 'role-change-confirm' },
      cancelButtonProps: { id: 'role-change-cancel' },
      onOk: () => applyRole(member, role),
    });
  };

  const onRemove = async (member: Member) => {
    const r = await remove({ input: { memberId: member.id } });
    report(r.data?.memberRemove.userErrors, Boolean(r.error), t('members.removed', { name: member.user.name }));
  };

  return (
    <>
      <Table<Member>
        rowKey="id"
        loading={loading}
        dataSource={members}
        pagination={false}
        columns={[
          { title: t('members.name'), key: 'name', render: (_, m) => m.user.name },
          { title: t('members.email'), key: 'email', render: (_, m) => m.user.email },
          {
            title: t('members.role'),
            key: 'role',
            render: (_, m) => {
              const actions = memberActions(m, context);
              return (
                <Space align="start" wrap>
                  {actions.role === null ? (
                    <Select
                      aria-label={t('members.roleOf', { name: m.user.name })}
                      data-testid="member-role"
                      value={m.role}
                      style={{ width: 160 }}
                      onChange={(role) => onRole(m, role)}
                      options={ROLES.map((role) => ({
                        value: role,
                        label: t(`role.${role}`),
                        disabled: actions.ungrantable.includes(role),
                      }))}
                      optionRender={(option) => (
                        <span data-testid={`member-role-option-${option.value}`}>{option.label}</span>
                      )}
                    />
                  ) : (
                    // Nothing to choose: the role as text (the reason is beside the remove button).
                    <span data-testid="member-role-fixed">{t(`role.${m.role}`)}</span>
                  )}
                  {m.merchant && (
                    <>
                      <MerchantLabel merchant={m.merchant} />
                      {actions.role === null && (
                        <Button
                          size="small"
                          type="link"
                          aria-label={t('members.merchantRole.changeOf', { name: m.user.name })}
                          onClick={() => setToMerchant(m)}
                        >
                          {t('members.merchantRole.change')}
                        </Button>
                      )}
                    </>
                  )}
                </Space>
              );
            },
          },
          { title: t('members.joined'), key: 'joined', render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
          {
            title: t('members.actions'),
            key: 'actions',
            render: (_, m) => {
              const actions = memberActions(m, context);
              const button = (
                <Button
                  danger
                  size="small"
                  disabled={actions.remove !== null}
                  data-testid="member-remove"
                  aria-label={t('members.removeOf', { name: m.user.name })}
                >
                  {t('members.remove')}
                </Button>
              );
              return (
                <Space direction="vertical" size={4}>
                  {actions.remove === null ? (
                    <Popconfirm
                      title={t('members.removeConfirm', { name: m.user.name })}
                      okText={t('common.yes')}
                      cancelText={t('common.no')}
                      onConfirm={() => onRemove(m)}
                    >
                      {button}
                    </Popconfirm>
                  ) : (
                    button
                  )}
                  {actions.remove !== null && (
                    <Typography.Text style={REASON} data-testid="member-blocked-reason" data-reason={actions.remove}>
                      {t(`members.blocked.${actions.remove}`)}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {toMerchant && (
        <MerchantRoleModal
          key={toMerchant.id}
          member={toMerchant}
          onCancel={() => setToMerchant(null)}
          onChanged={() => {
            setToMerchant(null);
            message.success(t('members.roleChanged'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
