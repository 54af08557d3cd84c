import { graphql } from '../../../gql';

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $offset: Int, $filter: AuditLogFilter) {
    auditLog(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        id
        at
        action
        subjectId
        before
        after
        requestId
        actor { kind id label name }
      }
    }
  }
`);

/** Who may appear in the log: the tenant's people and partner clients, for the person filter. */
export const AuditPeopleQuery = graphql(`
  query AuditPeople {
    members(first: 250) { nodes { id user { id name email } } }
    apiClients(first: 250) { nodes { id name } }
  }
`);
