import { graphql } from '../gql';

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    role
    scopes
    user { id name email locale }
    tenant { id name slug modules defaultLocale timezone }
    memberships { role tenant { id name slug } }
  }
`);

export const AuthFields = graphql(`
  fragment AuthFields on AuthPayload {
    accessToken
    refreshToken
    expiresAt
    viewer { ...ViewerFields }
    userErrors { field code message }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer { ...ViewerFields }
  }
`);

export const SessionCreateMutation = graphql(`
  mutation SessionCreate($input: SessionCreateInput!) {
    sessionCreate(input: $input) {
      ...AuthFields
    }
  }
`);

export const SessionRefreshMutation = graphql(`
  mutation SessionRefresh($input: SessionRefreshInput!) {
    sessionRefresh(input: $input) {
      ...AuthFields
    }
  }
`);

export const SessionRevokeMutation = graphql(`
  mutation SessionRevoke($input: SessionRevokeInput!) {
    sessionRevoke(input: $input) { userErrors { field code message } }
  }
`);

export const InvitationAcceptMutation = graphql(`
  mutation InvitationAccept($input: InvitationAcceptInput!) {
    invitationAccept(input: $input) {
      ...AuthFields
    }
  }
`);

export const SignupConfirmMutation = graphql(`
  mutation SignupConfirm($input: SignupConfirmInput!) {
    signupConfirm(input: $input) {
      ...AuthFields
    }
  }
`);

export const TenantCreateMutation = graphql(`
  mutation TenantCreate($input: TenantCreateInput!) {
    tenantCreate(input: $input) {
      accessToken
      refreshToken
      expiresAt
      viewer { ...ViewerFields }
      mailSent
      userErrors { field code message }
    }
  }
`);
