import { LEGAL_FORMS, NEED_FORMS, NEED_STATUSES, OFFER_STATUSES, REPORT_INTERVALS } from '@samverka/domain';
import { z } from 'zod';

/**
 * The shape of the demo scenario seeded into an empty embedded database: people, organisations,
 * enterprise profiles, needs and offers, coordinators' introductions, partnerships with their impact
 * targets and reports, linked by keys. The seeder turns it into records through the same services the
 * API uses, so every rule applies to it.
 *
 * A scenario is data (skane-scenario.json), read at run time: the types are the schemas' output, so the
 * file is checked against exactly what the seeder expects. Objects are strict, so a misspelt key is
 * reported rather than silently ignored. Dates are relative to the day of seeding (days, months and
 * reporting periods counted from it), so the demo looks current whenever it is seeded.
 */

const key = z.string().min(1);

export const demoPersonSchema = z.strictObject({
  key,
  email: z.string(),
  displayName: z.string(),
  platformRole: z.enum(['USER', 'COORDINATOR', 'ADMIN']),
  /** Länskoder, for coordinators. */
  coordinatorCountyCodes: z.array(z.string()).optional(),
});
export type DemoPerson = z.infer<typeof demoPersonSchema>;

export const demoOrganizationSchema = z.strictObject({
  key,
  kind: z.enum(['MUNICIPALITY', 'REGION', 'SOCIAL_ENTERPRISE', 'SUPPORT_ORGANIZATION']),
  name: z.string(),
  /** NNNNNN-NNNN with a valid Luhn check digit; unique in the scenario. */
  organisationsnummer: z.string(),
  municipalityCode: z.string().optional(),
  countyCode: z.string().optional(),
  website: z.string().optional(),
  verified: z.boolean(),
  ownerKeys: z.array(key).min(1),
  memberKeys: z.array(key),
});
export type DemoOrganization = z.infer<typeof demoOrganizationSchema>;
export type DemoOrganizationKind = DemoOrganization['kind'];

export const demoProfileSchema = z.strictObject({
  organizationKey: key,
  description: z.string(),
  services: z.string(),
  /** CPV codes with check digit, as in data/cpv.csv (NNNNNNNN-N). */
  cpvCodes: z.array(z.string()),
  sdgs: z.array(z.number().int()),
  nationwide: z.boolean(),
  municipalityCodes: z.array(z.string()),
  countyCodes: z.array(z.string()),
  employees: z.number().int(),
  annualTurnoverSek: z.number().int(),
  maxContractSek: z.number().int(),
  legalForm: z.enum(LEGAL_FORMS),
  ideburen: z.boolean(),
  workIntegrating: z.boolean(),
  /** 0–100; set when workIntegrating. */
  farFromLabourMarketShare: z.number().optional(),
  certifications: z.array(z.string()),
});
export type DemoProfile = z.infer<typeof demoProfileSchema>;
export type DemoLegalForm = DemoProfile['legalForm'];

export const demoNeedSchema = z.strictObject({
  key,
  buyerKey: key,
  createdByKey: key,
  title: z.string(),
  description: z.string(),
  cpvCodes: z.array(z.string()),
  sdgs: z.array(z.number().int()),
  municipalityCode: z.string().optional(),
  countyCode: z.string().optional(),
  budgetMinSek: z.number().int().optional(),
  budgetMaxSek: z.number().int().optional(),
  form: z.enum(NEED_FORMS),
  wantedImpact: z.string(),
  /** Days from the moment of seeding; negative is in the past (closed or awarded needs). */
  responseDeadlineInDays: z.number().int(),
  status: z.enum(NEED_STATUSES),
});
export type DemoNeed = z.infer<typeof demoNeedSchema>;
export type DemoNeedForm = DemoNeed['form'];
export type DemoNeedStatus = DemoNeed['status'];

export const demoOfferSchema = z.strictObject({
  needKey: key,
  enterpriseKey: key,
  createdByKey: key,
  message: z.string(),
  priceSek: z.number().int(),
  proposedOutcomes: z.string(),
  status: z.enum(OFFER_STATUSES),
});
export type DemoOffer = z.infer<typeof demoOfferSchema>;
export type DemoOfferStatus = DemoOffer['status'];

/**
 * A coordinator's introduction of an enterprise to a need. It is made once the need is published and
 * before its offers, so an ACCEPTED introduction can lead to the enterprise's offer (and, if that offer
 * is accepted, to a partnership the coordinator brokered).
 */
export const demoIntroductionSchema = z.strictObject({
  needKey: key,
  enterpriseKey: key,
  /** A coordinator of the buyer's county. */
  coordinatorKey: key,
  note: z.string(),
  status: z.enum(['PROPOSED', 'ACCEPTED', 'DECLINED']),
  /** The enterprise's member who answered (ACCEPTED or DECLINED), and what they wrote. */
  respondedByKey: key.optional(),
  responseNote: z.string().optional(),
});
export type DemoIntroduction = z.infer<typeof demoIntroductionSchema>;
export type DemoIntroductionStatus = DemoIntroduction['status'];

/** A value in the indicator's unit (whole persons, hours to 1 decimal, tonnes to 3). */
export const demoImpactValueSchema = z.strictObject({
  /** A code of the impact indicator catalogue (migration Brokering1764230000000). */
  indicatorCode: z.string(),
  value: z.number(),
});
export type DemoImpactValue = z.infer<typeof demoImpactValueSchema>;

export const demoTargetSchema = z.strictObject({
  indicatorCode: z.string(),
  /** For the whole term, in the indicator's unit. */
  target: z.number(),
  note: z.string().optional(),
});
export type DemoTarget = z.infer<typeof demoTargetSchema>;

/** How the parties agreed targets: one party's member proposes, a member of the other agrees (or not yet). */
export const demoTargetsSchema = z.strictObject({
  proposedByKey: key,
  agreedByKey: key.optional(),
  items: z.array(demoTargetSchema),
});
export type DemoTargets = z.infer<typeof demoTargetsSchema>;

export const demoImpactReportSchema = z.strictObject({
  /** Which reporting period: 0 is the first from the partnership's start, each `reportEveryMonths` long. */
  period: z.number().int().nonnegative(),
  /** The enterprise's member who wrote and submitted it. */
  createdByKey: key,
  narrative: z.string(),
  values: z.array(demoImpactValueSchema),
  /** SUBMITTED waits for the buyer; RETURNED came back with `returnComment`; CONFIRMED is locked and counts. */
  status: z.enum(['SUBMITTED', 'RETURNED', 'CONFIRMED']),
  /** The buyer's member who confirmed or returned it. */
  decidedByKey: key.optional(),
  returnComment: z.string().optional(),
  /** A correction filed after the confirmation and confirmed too: this report is then SUPERSEDED by it. */
  correction: z.strictObject({ narrative: z.string(), values: z.array(demoImpactValueSchema) }).optional(),
});
export type DemoImpactReport = z.infer<typeof demoImpactReportSchema>;
export type DemoImpactReportStatus = DemoImpactReport['status'];

/** An agreement a coordinator brokered and recorded (createPartnership), with dates in the past. */
export const demoAgreementSchema = z.strictObject({
  coordinatorKey: key,
  buyerKey: key,
  enterpriseKey: key,
  title: z.string(),
  description: z.string(),
  cpvCodes: z.array(z.string()),
  sdgs: z.array(z.number().int()),
  municipalityCode: z.string().optional(),
  /** The agreed start: the first day of the month this many months before the month of seeding. */
  startsMonthsAgo: z.number().int().nonnegative(),
  /** The agreed term in whole months (it ends the day before start + termMonths); none: open-ended. */
  termMonths: z.number().int().positive().optional(),
});
export type DemoAgreement = z.infer<typeof demoAgreementSchema>;

export const demoPartnershipSourceSchema = z.union([
  /** The partnership the accepted offer of an AWARDED need started (it starts on the day of seeding). */
  z.strictObject({ awardedNeedKey: key }),
  z.strictObject({ agreement: demoAgreementSchema }),
]);
export type DemoPartnershipSource = z.infer<typeof demoPartnershipSourceSchema>;

/** A partnership and what became of it: targets, impact reports, its end, and the library of good examples. */
export const demoPartnershipSchema = z.strictObject({
  key,
  source: demoPartnershipSourceSchema,
  reportEveryMonths: z.literal(REPORT_INTERVALS),
  targets: demoTargetsSchema.optional(),
  reports: z.array(demoImpactReportSchema),
  /** After its reports: the buyer completes it, or a party terminates it with a reason (`note`). */
  end: z.strictObject({ status: z.enum(['COMPLETED', 'TERMINATED']), byKey: key, note: z.string() }).optional(),
  /** Both parties show it as a good example with this summary (each through one of its members). */
  public: z.strictObject({ summary: z.string(), buyerByKey: key, enterpriseByKey: key }).optional(),
});
export type DemoPartnership = z.infer<typeof demoPartnershipSchema>;

export const demoScenarioSchema = z.strictObject({
  people: z.array(demoPersonSchema),
  organizations: z.array(demoOrganizationSchema),
  profiles: z.array(demoProfileSchema),
  needs: z.array(demoNeedSchema),
  offers: z.array(demoOfferSchema),
  introductions: z.array(demoIntroductionSchema),
  partnerships: z.array(demoPartnershipSchema),
});
export type DemoScenario = z.infer<typeof demoScenarioSchema>;
