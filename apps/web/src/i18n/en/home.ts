import type { Translation } from '../types';
import type { home as sv } from '../sv/home';

export const home: Translation<typeof sv> = {
  title: 'Samverka – where public needs meet social enterprises',
  lead: 'Municipalities and regions describe what they need. Social enterprises and non-profit organisations answer. Together you create work, inclusion and impact that can be measured.',
  search: {
    label: 'Search published needs',
    description: 'For example cleaning, catering or gardening',
    button: 'Search',
    clear: 'Clear the search field',
  },
  figures: {
    heading: 'Samverka in figures',
    needs_one: 'published need',
    needs_other: 'published needs',
    enterprises_one: 'verified social enterprise',
    enterprises_other: 'verified social enterprises',
    examples_one: 'good example',
    examples_other: 'good examples',
    error: 'The figures cannot be shown right now.',
  },
  audiences: {
    heading: 'Who is Samverka for?',
    buyers: {
      title: 'Municipalities and regions',
      body: 'Describe a need, choose the form of procurement and see which social enterprises fit – with the reasons written out.',
    },
    enterprises: {
      title: 'Social enterprises and non-profit organisations',
      body: 'Show what you do and where you work. Get suggestions of needs that fit you and answer them directly.',
    },
    coordinators: {
      title: 'Regional coordinators',
      body: 'See supply and demand in your county, introduce enterprises to needs and follow the impact of partnerships.',
    },
  },
  steps: {
    heading: 'How it works',
    one: {
      title: 'A need is published',
      body: 'A municipality or region describes what is to be done, where, the budget and the form, for example a reserved contract or a non-profit public partnership (IOP).',
    },
    two: {
      title: 'The right enterprises find the need',
      body: 'Samverka compares the need with the enterprises’ profiles and shows why they fit. The enterprises get suggestions and can answer.',
    },
    three: {
      title: 'The partnership is followed up',
      body: 'When an answer is accepted it becomes a partnership. The parties agree on targets and report the impact, which can then become a good example.',
    },
    matching: 'How matching works',
  },
  links: {
    heading: 'Go further',
    needs: 'See all published needs',
    enterprises: 'Find social enterprises',
    examples: 'Read good examples',
    register: 'Create an account for your organisation',
  },
};
