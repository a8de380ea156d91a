import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Language } from '@samverka/domain';
import { RequestLanguage, textOf } from '@samverka/engine';
import { NeedWarning, ReadinessItem } from './marketplace.models.js';

const IN_LANGUAGE = 'In the language of Accept-Language (Swedish unless the client prefers English)';

/** A need's warnings in the reader's language. */
@Resolver(() => NeedWarning)
export class NeedWarningResolver {
  @ResolveField(() => String, { description: IN_LANGUAGE })
  message(@Parent() warning: NeedWarning, @RequestLanguage() language: Language): string {
    return textOf(warning.said, language);
  }
}

/** A profile's readiness advice in the reader's language. */
@Resolver(() => ReadinessItem)
export class ReadinessItemResolver {
  @ResolveField(() => String, { description: `What to add next. ${IN_LANGUAGE}` })
  advice(@Parent() item: ReadinessItem, @RequestLanguage() language: Language): string {
    return textOf(item.said, language);
  }
}
