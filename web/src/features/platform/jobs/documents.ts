import { graphql } from '../../../gql';

export const JobsQuery = graphql(`
  query Jobs($state: JobState, $first: Int, $after: String, $last: Int, $before: String) {
    jobs(state: $state, first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id kind state attempts maxAttempts lastError runAt createdAt finishedAt }
    }
  }
`);

export const JobRetryMutation = graphql(`
  mutation JobRetry($input: JobRetryInput!) {
    jobRetry(input: $input) {
      job { id state attempts runAt }
      userErrors { field code message }
    }
  }
`);

export const JobSchedulesQuery = graphql(`
  query JobSchedules {
    jobSchedules {
      name cron timezone platform nextRunAt lastRunAt lastFinishedAt lastError
      lastJob { id kind state lastError }
    }
  }
`);
