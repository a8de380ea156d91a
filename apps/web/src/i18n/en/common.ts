import type { Translation } from '../types';
import type { common as sv } from '../sv/common';

export const common: Translation<typeof sv> = {
  appName: 'Samverka',
  tagline: 'Where public needs meet social enterprises',
  skipToContent: 'Skip to main content',
  nav: {
    label: 'Main menu',
    needs: 'Needs',
    enterprises: 'Social enterprises',
    goodExamples: 'Good examples',
    matching: 'How matching works',
    myNeeds: 'My needs',
    myOffers: 'My offers',
    needsForYou: 'Needs for you',
    partnerships: 'Partnerships',
    start: 'My start page',
    signIn: 'Sign in',
    register: 'Create an account',
    account: 'My account',
    signOut: 'Sign out',
    menu: 'Menu',
    region: 'Region',
    administration: 'Administration',
  },
  language: {
    switchTo: 'Svenska',
    switchToLabel: 'Läs på svenska',
  },
  notifications: {
    label_one: 'Notifications, {{count}} unread',
    label_other: 'Notifications, {{count}} unread',
  },
  organizationSwitch: {
    label: 'Organisation',
  },
  footer: {
    about: 'Samverka is open source, built for the Swedish national strategy for social enterprise.',
    accessibility: 'Accessibility statement',
    matching: 'How matching works',
    api: 'API for developers',
  },
  workspace: {
    label: 'Work for the region',
    links: {
      overview: 'Overview',
      brokering: 'Brokering',
      organisations: 'Organisations',
      imports: 'Imports',
      examples: 'Good examples',
      administration: 'Administration',
    },
    notFor: {
      coordinator: {
        title: 'This page is for regional coordinators',
        body: 'Regional coordinators and administrators work here with their region’s needs, enterprises and partnerships. Contact an administrator if you are to coordinate a region.',
      },
      administrator: {
        title: 'This page is for administrators',
        body: 'Administrators look after people and roles, the audit trail, the impact indicators and the matching here. Contact an administrator if you need any of that.',
      },
    },
  },
  state: {
    loading: 'Loading …',
    error: 'Something went wrong. Please try again in a moment.',
    retry: 'Try again',
    offline: 'We cannot reach Samverka right now. Check your connection and try again.',
  },
  errorSummary: {
    title: 'Correct the following before you continue:',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. It may have moved, or the address may be mistyped.',
    home: 'Go to the start page',
  },
  signInRequired: {
    title: 'Sign in to continue',
    body: 'This page is for people with a Samverka account.',
  },
  pagination: {
    label: 'Pages',
    next: 'Next page',
    previous: 'Previous page',
    showMore: 'Show more',
  },
  kronor: 'SEK',
  yes: 'Yes',
  no: 'No',
};
