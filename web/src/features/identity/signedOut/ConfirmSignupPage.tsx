import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../auth/useAuth';
import { serverMessage } from '../../../graphql/errors';
import type { UserErrorLike } from '../../../lib/userErrors';
import { PublicCard } from '../../../layout/PublicCard';
import { oncePerToken } from './oncePerToken';

/** One `signupConfirm` per link and page load, whatever React re-runs. */
const confirmOnce = oncePerToken<UserErrorLike[]>();

type State =
  | { kind: 'confirming' }
  | { kind: 'confirmed' }
  | { kind: 'refused'; errors: UserErrorLike[] }
  | { kind: 'failed'; message: string };

/**
 * Target of the link in a sign-up confirmation email: `/confirm-signup?token=…`. Confirms the
 * address and signs in to the new tenant, with no click: the link is the confirmation.
 */
export function ConfirmSignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, confirmSignup } = useAuth();
  const [state, setState] = useState<State>({ kind: 'confirming' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!token) return undefined;
    let live = true;
    setState({ kind: 'confirming' });
    confirmOnce(token, () => confirmSignup({ token })).then(
      (errors) => live && setState(errors.length === 0 ? { kind: 'confirmed' } : { kind: 'refused', errors }),
      (error: unknown) => live && setState({ kind: 'failed', message: serverMessage(error) ?? t('common.networkError') }),
    );
    return () => {
      live = false;
    };
    // Not on `confirmSignup` or `t`, which change with the session and the language: the
    // link is followed once per token (and again only by Retry after a failed call).
  }, [token, round]);

  if (state.kind === 'confirmed' && status === 'ready') return <Navigate to="/" replace />;

  const signIn = (label: string) => (
    <Link to="/login" data-testid="confirm-signup-login">
      {label}
    </Link>
  );
  let body;
  if (!token) {
    body = <Alert type="error" showIcon message={t('confirmSignup.noToken')} />;
  } else if (state.kind === 'refused') {
    const codes = new Set(state.errors.map((e) => e.code));
    const action = codes.has('LINK_USED')
      ? status === 'ready'
        ? <Link to="/" data-testid="confirm-signup-portal">{t('confirmSignup.toPortal')}</Link>
        : signIn(t('confirmSignup.signIn'))
      : codes.has('EXPIRED')
        ? signIn(t('confirmSignup.signInForLink'))
        : <Link to="/signup" data-testid="confirm-signup-again">{t('confirmSignup.signUpAgain')}</Link>;
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="confirm-signup-error"
          data-code={[...codes].join(' ')}
          message={state.errors.map((e) => e.message).join(' ')}
        />
        {action}
      </Space>
    );
  } else if (state.kind === 'failed') {
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="error" showIcon role="alert" data-testid="confirm-signup-error" message={state.message} />
        <Button onClick={() => setRound((r) => r + 1)} data-testid="confirm-signup-retry">
          {t('common.retry')}
        </Button>
      </Space>
    );
  } else {
    // Confirming, or confirmed while the session starts.
    body = (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: 12 }} data-testid="confirm-signup-busy">
        <Spin />
        <span>{t('confirmSignup.confirming')}</span>
      </div>
    );
  }
  return <PublicCard title={t('confirmSignup.title')}>{body}</PublicCard>;
}
