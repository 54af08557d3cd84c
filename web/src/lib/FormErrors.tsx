import { Alert } from 'antd';

/** userErrors not tied to a field, shown above the form. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-errors"
      message={messages.length === 1 ? messages[0] : <ul>{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      style={{ marginBottom: 16 }}
    />
  );
}
