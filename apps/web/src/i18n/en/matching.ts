import type { Translation } from '../types';
import type { matching as sv } from '../sv/matching';

export const matching: Translation<typeof sv> = {
  title: 'How matching works',
  lead: 'Samverka compares every published need with the profiles of the verified social enterprises. The result is a score from 0 to 100 and a list of reasons, so you can see why an enterprise is suggested – and judge for yourself.',
  toc: 'On this page',
  when: {
    heading: 'When matching is done',
    body: 'A need is matched when it is published and every time it changes. An enterprise is matched again when its profile changes, and when it completes a partnership or gets its impact confirmed. Only verified enterprises and needs from verified buyers are matched. Drafts and cancelled needs are not.',
    keep: 'For each need the enterprises that fit best are kept, by default at most {{topN}} and only those scoring at least {{minScore}}. An enterprise is notified when a need scores at least {{notifyScore}} against its profile.',
  },
  rules: {
    heading: 'First: who may answer?',
    body: 'Some needs may only be answered by certain organisations. That is checked first, and an organisation that does not meet the requirement is not a match at all, however well it fits otherwise.',
    reserved:
      'Reserved contract (chapter 4, section 18 of the Public Procurement Act): only work-integrating enterprises where at least {{minShare}} % of the staff have disabilities or are far from the labour market. An enterprise that has not stated the share is not included.',
    iop: 'Non-profit public partnership (IOP): only non-profit (idéburna) organisations.',
    relevance:
      'The description or the CPV codes must also have something in common with the need. Working in the same place or sharing global goals is not enough to be suggested.',
  },
  components: {
    heading: 'What the score is made of',
    body: 'The score is a weighted mean of the parts that can be judged for that need, times 100. If the need has no global goals or no budget, for example, those parts do not count at all, and the others weigh more. The weights of text, CPV codes, geography and experience are learned from earlier Swedish procurements and who won them. Global goals and capacity have set weights, since procurement statistics do not record them.',
    name: 'Part',
    weight: 'Weight',
    what: 'What is compared',
    text: {
      name: 'Text',
      what: 'The words in the need’s title and description against the enterprise’s description and services. Two words meet only when they are the same word in some form, or when the dictionary says one is contained in the other: “städning” (cleaning) in “storstädning” (spring cleaning), “cyklar” (bicycles) in “cykelverkstad” (bicycle workshop). Words that merely share a part, such as “naturvård” (nature conservation) and “lokalvård” (cleaning of premises), do not meet. Rare words weigh more than common ones.',
    },
    category: {
      name: 'CPV codes',
      what: 'The need’s CPV codes against the enterprise’s. The same code gives full marks, and the deeper in the CPV tree the codes meet, the higher the score: the same category, class, group or only the same division.',
    },
    geography: {
      name: 'Geography',
      what: 'Where the enterprise works against where the need is. The same municipality gives most, then the same county, then nearness in kilometres. Nationwide gives a lower score, and naming no place at all gives the lowest.',
    },
    sdg: {
      name: 'Global goals',
      what: 'How large a share of the need’s global goals the enterprise also contributes to.',
    },
    capacity: {
      name: 'Capacity',
      what: 'The largest contract the enterprise says it can take, against the need’s budget. If the enterprise has not stated it, it gives half marks.',
    },
    trackRecord: {
      name: 'Track record',
      what: 'Partnerships the enterprise has carried out in Samverka: completed partnerships and confirmed impact count, and assignments in the same field (CPV class or group) and with the same buyer add more. Experience never gives more than a quarter of the score, so a new enterprise that fits better can come first.',
    },
  },
  score: {
    heading: 'What the score means',
    body: 'A high score means that the need and the profile have a lot in common in what they say. It says nothing about quality, price or how well the enterprise will do the work. The score is only as good as the texts: a thin profile or a short need gives a lower score, even when the enterprise fits.',
    version: 'Every match stores which version of the matching computed it. When the rules change, every match is computed again.',
  },
  not: {
    heading: 'What matching does not do',
    items: {
      decide: 'It does not choose a supplier and it awards no contracts.',
      hide: 'It hides no needs. Every published need can be searched, including those not suggested to your enterprise.',
      personal: 'It uses no personal data and no history of what you have clicked.',
      pay: 'No one can pay to be ranked higher.',
    },
  },
  person: {
    heading: 'A person always decides',
    body: 'Matching is a suggestion. The buyer decides whom to invite and which answer to accept, under the rules of the form of procurement. Regional coordinators can also introduce enterprises that matching has missed.',
  },
  reasons: {
    heading: 'What the reasons mean',
    body: 'Every match has reasons in plain words, the most important first. These are the kinds of reasons there are.',
    eligibility: {
      term: 'Eligibility',
      def: 'Whether the enterprise may answer: a reserved contract (work-integrating, with the share of staff far from the labour market) or an IOP (non-profit). If the requirement is not met there is no match.',
    },
    text: {
      term: 'Text',
      def: 'Which words of the need meet words of the enterprise’s description, for example “storstädning” ~ “städning” when one word is contained in the other.',
    },
    category: {
      term: 'CPV codes',
      def: 'Which CPV codes meet and how closely: the same code, codes that contain each other, the same category, class, group or division.',
    },
    geography: {
      term: 'Geography',
      def: 'Whether the enterprise works in the same municipality or county, how many kilometres it is to the nearest place it works, or whether it works nationwide.',
    },
    sdg: {
      term: 'Global goals',
      def: 'Which of the need’s global goals the enterprise also contributes to.',
    },
    capacity: {
      term: 'Capacity',
      def: 'How large contracts the enterprise can take compared with the budget, or that it has not stated it.',
    },
    trackRecord: {
      term: 'Track record',
      def: 'How many partnerships the enterprise has completed or had impact confirmed in, whether some were in the same field, and whether one of them was with the same buyer.',
    },
  },
  links: {
    needs: 'See published needs',
    enterprises: 'Find social enterprises',
  },
};
