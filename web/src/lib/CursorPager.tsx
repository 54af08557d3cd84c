import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { pagerState, type PageArgs, type PageInfoLike } from './paging';

interface Props {
  args: PageArgs;
  pageInfo: PageInfoLike | undefined;
  onPrevious(pageInfo: PageInfoLike): void;
  onNext(pageInfo: PageInfoLike): void;
  /** Prefix of the buttons' data-testids: `<testId>-prev`, `<testId>-next`. */
  testId: string;
}

/** Previous/next buttons for a Relay connection. */
export function CursorPager({ args, pageInfo, onPrevious, onNext, testId }: Props) {
  const { t } = useTranslation();
  const { canPrevious, canNext } = pagerState(args, pageInfo);
  return (
    <nav aria-label={t('pager.label')}>
      <Space>
        <Button
          data-testid={`${testId}-prev`}
          disabled={!pageInfo || !canPrevious}
          onClick={() => pageInfo && onPrevious(pageInfo)}
        >
          {t('pager.previous')}
        </Button>
        <Button
          data-testid={`${testId}-next`}
          disabled={!pageInfo || !canNext}
          onClick={() => pageInfo && onNext(pageInfo)}
        >
          {t('pager.next')}
        </Button>
      </Space>
    </nav>
  );
}
