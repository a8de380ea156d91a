import { graphql } from '../../gql';

/** What the catalogue shows and edits of an indicator. */
export const ADMIN_INDICATOR_FIELDS = graphql(`
  fragment AdminIndicatorFields on ImpactIndicator {
    code
    nameSv
    nameEn
    methodSv
    methodEn
    unit
    theme
    sdgs
    active
    version
  }
`);

/** The figures of the administration's start page: one query, each section's count. */
export const ADMIN_START = graphql(`
  query AdminStart {
    users(first: 1) {
      totalCount
    }
    auditEvents(first: 1) {
      totalCount
    }
    feedbackMessages(first: 1) {
      totalCount
    }
    impactIndicators(includeRetired: true) {
      code
      active
    }
    matchingRebuild {
      id
      status
      chunksDone
      chunksTotal
      finishedAt
    }
  }
`);

export const ADMIN_PEOPLE = graphql(`
  query AdminPeople($search: String, $first: Int, $after: String) {
    users(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        displayName
        email
        platformRole
        coordinatorCountyCodes
        createdAt
      }
    }
  }
`);

export const ADMIN_SET_ROLE = graphql(`
  mutation AdminSetPlatformRole($input: SetPlatformRoleInput!) {
    setPlatformRole(input: $input) {
      user {
        id
        platformRole
        coordinatorCountyCodes
      }
    }
  }
`);

export const ADMIN_AUDIT = graphql(`
  query AdminAudit($filter: AuditFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        actorKind
        actorUserId
        entityType
        entityId
        data
        occurredAt
      }
    }
  }
`);

/** The actors' names: the people of a page of the trail, by id. */
export const ADMIN_AUDIT_ACTORS = graphql(`
  query AdminAuditActors($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on User {
        id
        displayName
      }
    }
  }
`);

export const ADMIN_INDICATORS = graphql(`
  query AdminIndicators {
    impactIndicators(includeRetired: true) {
      ...AdminIndicatorFields
    }
  }
`);

export const ADMIN_CREATE_INDICATOR = graphql(`
  mutation AdminCreateIndicator($input: CreateImpactIndicatorInput!) {
    createImpactIndicator(input: $input) {
      impactIndicator {
        ...AdminIndicatorFields
      }
    }
  }
`);

export const ADMIN_UPDATE_INDICATOR = graphql(`
  mutation AdminUpdateIndicator($input: UpdateImpactIndicatorInput!) {
    updateImpactIndicator(input: $input) {
      impactIndicator {
        ...AdminIndicatorFields
      }
    }
  }
`);

export const ADMIN_MATCHING = graphql(`
  query AdminMatching {
    matchingRebuild {
      id
      status
      algorithmVersion
      chunksDone
      chunksTotal
      needsTotal
      reason
      startedAt
      finishedAt
    }
  }
`);

export const ADMIN_REBUILD = graphql(`
  mutation AdminRebuildMatches {
    rebuildMatches {
      matchingRebuild {
        id
        status
        algorithmVersion
        chunksDone
        chunksTotal
        needsTotal
        reason
        startedAt
        finishedAt
      }
    }
  }
`);

export const ADMIN_FEEDBACK = graphql(`
  query AdminFeedback($first: Int, $after: String) {
    feedbackMessages(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        message
        email
        page
        language
        createdAt
      }
    }
  }
`);
