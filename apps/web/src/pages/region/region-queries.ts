import { graphql } from '../../gql';

/** The län the person may see: the 21 for an administrator, their own for a coordinator. */
export const REGION_COUNTIES = graphql(`
  query RegionCounties {
    counties {
      code
      name
    }
  }
`);

export const REGION_AREA = graphql(`
  fragment RegionArea on InsightArea {
    municipalityCode
    municipalityName
    openNeeds
    needsWithoutOffers
    supplyGapNeeds
    needsAwaitingMatching
    activePartnerships
    enterprises
  }
`);

export const REGION_INSIGHTS = graphql(`
  query RegionInsights($countyCode: String!, $interval: InsightInterval!, $weakMatchBelow: Float!) {
    regionInsights(countyCode: $countyCode, interval: $interval, weakMatchBelow: $weakMatchBelow) {
      county {
        code
        name
      }
      from
      to
      interval
      weakMatchBelow
      generatedAt
      region {
        ...RegionArea
      }
      municipalities {
        ...RegionArea
      }
      timeline {
        label
        start
        end
        needsPublished
        partnershipsStarted
        impact {
          indicatorCode
          nameSv
          nameEn
          unit
          total
        }
      }
      partnershipsByStatus {
        status
        partnerships
      }
      impactTotals {
        indicatorCode
        nameSv
        nameEn
        unit
        total
        partnerships
        reports
      }
      supplyGapByCpvDivision {
        division
        labelSv
        labelEn
        openNeeds
        supplyGapNeeds
      }
      supplyGapBySdg {
        sdg
        titleSv
        titleEn
        openNeeds
        supplyGapNeeds
      }
      enterprises {
        total
        registeredInRegion
        nationwide
        bySdg {
          sdg
          titleSv
          titleEn
          enterprises
        }
        byLegalForm {
          legalForm
          enterprises
        }
      }
    }
  }
`);

export const REGION_INSIGHTS_CSV = graphql(`
  query RegionInsightsCsv($countyCode: String!, $interval: InsightInterval!, $weakMatchBelow: Float!, $section: InsightSection!) {
    regionInsightsCsv(countyCode: $countyCode, interval: $interval, weakMatchBelow: $weakMatchBelow, section: $section)
  }
`);
