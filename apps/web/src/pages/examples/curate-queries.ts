import { graphql } from '../../gql';

const CURATED_FIELDS = graphql(`
  fragment CuratedExample on GoodExample {
    partnershipId
    title
    summary
    status
    countyName
    municipalityName
    startsOn
    buyer {
      name
    }
    enterprise {
      name
    }
    impact {
      indicatorCode
      nameSv
      nameEn
      unit
      value
    }
    curatorNoteSv
    curatorNoteEn
    featured
    hiddenReason
    curationVersion
  }
`);

export const CURATE_LIST = graphql(`
  query CurateGoodExamples($first: Int, $after: String) {
    goodExamplesToCurate(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CuratedExample
      }
    }
  }
`);

export const CURATE = graphql(`
  mutation CurateGoodExample($input: CurateGoodExampleInput!) {
    curateGoodExample(input: $input) {
      goodExample {
        ...CuratedExample
      }
    }
  }
`);

export { CURATED_FIELDS };
