import { Alert, Button, Progress, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportState } from '../gql/graphql';
import { isFinished, percentDone } from './imports';

/** A fault (or notice) of a row of an imported file, as the API lists it. */
export interface RowFault {
  line: number;
  column?: string | null;
  message: string;
}

/** What an import shows of itself while it runs and once it is done. */
export interface RunningImport {
  state: ImportState;
  rowsDone: number;
  rowsTotal: number;
  errorCount: number;
  errors: RowFault[];
}

interface Props {
  running: RunningImport | null | undefined;
  /** `data-testid` of the whole block. */
  testId: string;
  /** What the import is doing in `state`, in the reader's language. */
  stateText(state: ImportState): string;
  /** What a successful import did. */
  done: ReactNode;
  /** Downloads the report of every fault (and notice) as CSV. */
  onReport(): void;
  /** Shown below the outcome whatever it is (an import's notices). */
  children?: ReactNode;
}

/** Faults (or notices) of rows, each with its line and column. */
export function RowFaults({ faults }: { faults: RowFault[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {faults.map((f) => (
        <li key={`${f.line}-${f.column ?? ''}-${f.message}`}>
          {t('imports.fault', { line: f.line, column: f.column ?? '—', message: f.message })}
        </li>
      ))}
    </ul>
  );
}

/**
 * A running import of a file: its state in words, a progress bar (rows done of rows total), and
 * once done what it did, or its faults by line and column with the whole report as CSV.
 */
export function ImportProgress({ running, testId, stateText, done, onReport, children }: Props) {
  const { t } = useTranslation();
  const state = running?.state ?? 'QUEUED';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Typography.Text>{stateText(state)}</Typography.Text>
      <Progress
        percent={percentDone(running?.rowsDone ?? 0, running?.rowsTotal ?? 0, running?.state)}
        status={state === 'FAILED' ? 'exception' : isFinished(state) ? 'success' : 'active'}
        aria-label={t('imports.progress')}
      />
      <Typography.Text type="secondary">
        {t('imports.rows', { done: running?.rowsDone ?? 0, total: running?.rowsTotal ?? 0 })}
      </Typography.Text>
      {state === 'SUCCEEDED' && <Alert type="success" showIcon message={done} />}
      {state === 'FAILED' && (
        <Alert
          type="error"
          showIcon
          message={t('imports.failed', { count: running?.errorCount ?? 0 })}
          description={
            <>
              <RowFaults faults={running?.errors ?? []} />
              <Button type="link" onClick={onReport} data-testid={`${testId}-report`}>
                {t('imports.report')}
              </Button>
            </>
          }
        />
      )}
      {children}
    </Space>
  );
}
