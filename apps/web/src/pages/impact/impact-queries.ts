import { graphql } from '../../gql';

export const PARTNERSHIP_PAGE = graphql(`
  query PartnershipPage($id: ID!) {
    partnership(id: $id) {
      id
      version
      title
      description
      status
      startsOn
      endsOn
      endedAt
      endReason
      reportEveryMonths
      nextReportDue
      buyerOrganizationId
      enterpriseOrganizationId
      buyerPublic
      enterprisePublic
      publicSummary
      goodExampleHiddenReason
      buyer {
        id
        name
      }
      enterprise {
        id
        name
      }
      need {
        id
        title
      }
      targetsStatus
      targetsAgreedAt
      targetsProposedBy {
        id
        name
      }
      targets {
        indicatorCode
        target
        note
        confirmedTotal
      }
      impactReports {
        id
        version
        status
        revision
        correctsReportId
        periodStart
        periodEnd
        narrative
        returnComment
        submittedAt
        confirmedAt
        supersededAt
        updatedAt
        values {
          indicatorCode
          value
        }
      }
    }
    impactIndicators(includeRetired: true) {
      code
      nameSv
      nameEn
      unit
      unitLabelSv
      unitLabelEn
      decimals
      active
    }
  }
`);

export const PROPOSE_TARGETS = graphql(`
  mutation PartnershipProposeTargets($input: ProposePartnershipTargetsInput!) {
    proposePartnershipTargets(input: $input) {
      partnership {
        id
        version
        targetsStatus
      }
    }
  }
`);

export const AGREE_TARGETS = graphql(`
  mutation PartnershipAgreeTargets($input: AgreePartnershipTargetsInput!) {
    agreePartnershipTargets(input: $input) {
      partnership {
        id
        version
        targetsStatus
      }
    }
  }
`);

export const CREATE_REPORT = graphql(`
  mutation PartnershipCreateReport($input: CreateImpactReportInput!) {
    createImpactReport(input: $input) {
      impactReport {
        id
        version
        status
      }
    }
  }
`);

export const UPDATE_REPORT = graphql(`
  mutation PartnershipUpdateReport($input: UpdateImpactReportInput!) {
    updateImpactReport(input: $input) {
      impactReport {
        id
        version
        status
      }
    }
  }
`);

export const CORRECT_REPORT = graphql(`
  mutation PartnershipCorrectReport($input: CorrectImpactReportInput!) {
    correctImpactReport(input: $input) {
      impactReport {
        id
        version
        status
      }
    }
  }
`);

export const SUBMIT_REPORT = graphql(`
  mutation PartnershipSubmitReport($input: SubmitImpactReportInput!) {
    submitImpactReport(input: $input) {
      impactReport {
        id
        version
        status
      }
    }
  }
`);

export const DELETE_REPORT = graphql(`
  mutation PartnershipDeleteReport($input: DeleteImpactReportInput!) {
    deleteImpactReport(input: $input) {
      deletedImpactReportId
    }
  }
`);

export const CONFIRM_REPORT = graphql(`
  mutation PartnershipConfirmReport($input: ConfirmImpactReportInput!) {
    confirmImpactReport(input: $input) {
      impactReport {
        id
        version
        status
      }
    }
  }
`);

export const RETURN_REPORT = graphql(`
  mutation PartnershipReturnReport($input: ReturnImpactReportInput!) {
    returnImpactReport(input: $input) {
      impactReport {
        id
        version
        status
      }
    }
  }
`);

export const COMPLETE_PARTNERSHIP = graphql(`
  mutation PartnershipComplete($input: CompletePartnershipInput!) {
    completePartnership(input: $input) {
      partnership {
        id
        version
        status
      }
    }
  }
`);

export const TERMINATE_PARTNERSHIP = graphql(`
  mutation PartnershipTerminate($input: TerminatePartnershipInput!) {
    terminatePartnership(input: $input) {
      partnership {
        id
        version
        status
      }
    }
  }
`);

export const SET_PUBLIC = graphql(`
  mutation PartnershipSetPublic($input: SetPartnershipPublicInput!) {
    setPartnershipPublic(input: $input) {
      partnership {
        id
        version
        buyerPublic
        enterprisePublic
        publicSummary
      }
    }
  }
`);
