import type { JobState } from '../../../gql/graphql';

// Tag presets whose text keeps AA contrast (green and gold do not); undefined is the grey default.
export const STATE_COLORS: Record<JobState, string | undefined> = {
  QUEUED: 'blue',
  RUNNING: 'purple',
  SUCCEEDED: undefined,
  DEAD: 'red',
};
