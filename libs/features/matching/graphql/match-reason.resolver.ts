import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Language } from '@samverka/domain';
import { RequestLanguage, type RequestContext } from '@samverka/engine';
import { labelsNamed, reasonText } from '../match-reason-text.js';
import { MatchReason } from './matching.models.js';

const BY_LANGUAGE = 'use text, in the language of Accept-Language';

/**
 * A match reason in words, from the catalogue, with the labels of the CPV codes and goals it names (read
 * through the request's loaders: one query for all the reasons of a page).
 */
@Resolver(() => MatchReason)
export class MatchReasonResolver {
  @ResolveField(() => String, { description: 'In the language of Accept-Language (Swedish unless the client prefers English)' })
  text(@Parent() reason: MatchReason, @RequestLanguage() language: Language, @Context() context: RequestContext): Promise<string> {
    return wordIn(reason, language, context);
  }

  @ResolveField(() => String, { description: 'In Swedish', deprecationReason: BY_LANGUAGE })
  sv(@Parent() reason: MatchReason, @Context() context: RequestContext): Promise<string> {
    return wordIn(reason, 'sv', context);
  }

  @ResolveField(() => String, { description: 'In English', deprecationReason: BY_LANGUAGE })
  en(@Parent() reason: MatchReason, @Context() context: RequestContext): Promise<string> {
    return wordIn(reason, 'en', context);
  }
}

async function wordIn(reason: MatchReason, language: Language, { loaders }: RequestContext): Promise<string> {
  const named = labelsNamed(reason.stored);
  const [codes, goals] = await Promise.all([loaders.cpvCodeByCode8.loadMany(named.cpv), loaders.sdg.loadMany(named.sdgs)]);
  const cpv = new Map<string, string>();
  for (const code of codes) if (code && !(code instanceof Error)) cpv.set(code.code8, language === 'en' ? code.labelEn : code.labelSv);
  const sdgs = new Map<number, string>();
  for (const goal of goals) if (goal && !(goal instanceof Error)) sdgs.set(Number(goal.number), language === 'en' ? goal.titleEn : goal.titleSv);
  return reasonText(reason.stored, language, { cpv: (code8) => cpv.get(code8), sdg: (goal) => sdgs.get(goal) });
}
