import { graphql } from '../../../gql';

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $last: Int, $before: String) {
    auditLog(first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id
        at
        action
        subjectId
        before
        after
        requestId
        actor { kind id label }
      }
    }
  }
`);
