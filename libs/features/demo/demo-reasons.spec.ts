import { analyse, domainDecompounder, meetingWords, ScoringModel, type NeedInput, type ProfileInput } from '@samverka/scoring';
import { FALSE_FRIENDS } from '../../scoring/src/testing/word-pairs.js';
import { testReference } from '../../scoring/src/testing/reference.js';
import { loadSkaneScenario } from './skane-scenario.js';

/**
 * Every match of the demo, every pair of words its reasons show: none is a false friend, and each one
 * meets by the analyzer's rule (one word contained in the other), checked apart from the model.
 */
describe('the demo matches give only true reasons', () => {
  const scenario = loadSkaneScenario();
  const reference = testReference();
  const model = new ScoringModel(reference);
  const decompounder = domainDecompounder(
    reference.cpv.map((c) => c.labelSv),
    reference.dictionary ?? [],
  );
  const buyerOf = new Map(scenario.organizations.map((o) => [o.key, o]));

  const needs: NeedInput[] = scenario.needs.map((n) => ({
    id: n.key,
    buyerOrganizationId: n.buyerKey,
    title: n.title,
    description: n.description,
    cpvCodes: n.cpvCodes,
    sdgs: n.sdgs,
    municipalityCode: n.municipalityCode ?? buyerOf.get(n.buyerKey)?.municipalityCode ?? null,
    countyCode: n.countyCode ?? null,
    budgetMinSek: n.budgetMinSek ?? null,
    budgetMaxSek: n.budgetMaxSek ?? null,
    form: n.form,
  }));
  const profiles: ProfileInput[] = scenario.profiles.map((p) => ({
    organizationId: p.organizationKey,
    description: p.description,
    services: p.services,
    cpvCodes: p.cpvCodes,
    sdgs: p.sdgs,
    nationwide: p.nationwide,
    municipalityCodes: p.municipalityCodes,
    countyCodes: p.countyCodes,
    maxContractSek: p.maxContractSek,
    ideburen: p.ideburen,
    workIntegrating: p.workIntegrating,
    farFromLabourMarketShare: p.farFromLabourMarketShare ?? null,
  }));

  const shown: { need: string; profile: string; pair: string }[] = [];
  for (const need of needs) {
    for (const profile of profiles) {
      for (const reason of model.score(need, profile).reasons) {
        if (reason.code !== 'text.shared') continue;
        for (const w of reason.params.words) shown.push({ need: need.id, profile: profile.organizationId, pair: `${w.need} ~ ${w.profile}` });
      }
    }
  }

  it('shows word pairs at all (the walk is not empty)', () => {
    expect(needs.length).toBeGreaterThan(10);
    expect(shown.length).toBeGreaterThan(50);
  });

  it('shows no false friend', () => {
    const forbidden = new Set(FALSE_FRIENDS.flatMap(([a, b]) => [`${a} ~ ${b}`, `${b} ~ ${a}`]));
    expect(shown.filter((s) => forbidden.has(s.pair))).toEqual([]);
  });

  it('shows only pairs where one word is contained in the other', () => {
    const untrue = shown.filter((s) => {
      const [a, b] = s.pair.split(' ~ ');
      return meetingWords(analyse(a, decompounder), analyse(b, decompounder)).length === 0;
    });
    expect(untrue).toEqual([]);
  });

  it('never shows a stop word such as "år" as a matched word', () => {
    expect(shown.filter((s) => s.pair.split(' ~ ').some((w) => analyse(w, decompounder).length === 0))).toEqual([]);
  });
});
