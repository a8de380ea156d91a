import type { Translation } from '../types';
import type { accessibility as sv } from '../sv/accessibility';

export const accessibility: Translation<typeof sv> = {
  title: 'Accessibility of Samverka',
  intro:
    'Everyone should be able to use Samverka, including people who use a screen reader, magnification, only a keyboard or voice control. Here we describe how Samverka meets the Swedish Act on accessibility to digital public services (2018:1937), which shortcomings we know of and how you can report problems to us.',
  scope: {
    title: 'What this statement covers',
    text: 'This statement covers the Samverka web service at {{origin}}: the public pages (needs, social enterprises, good examples, matching) and the pages you reach when signed in. Samverka is used by municipalities and regions, which the Act covers, and by social enterprises.',
  },
  compliance: {
    title: 'How accessible is Samverka?',
    status: 'Samverka is partially compliant with WCAG 2.1 level AA.',
    text: 'We built the service to meet WCAG 2.1 AA and test it automatically, but no complete manual audit has been made yet. Until it has, we cannot say that the service fully complies. The shortcomings we know of are listed below.',
  },
  tested: {
    title: 'What is tested automatically',
    axe: 'Every page and every state (for example a form with errors) is checked with axe-core in the Chromium browser on every change to the code. The test stops the change if axe finds an error.',
    keyboard: 'That the “Skip to main content” link works with the keyboard and that focus moves to the error summary when a form has errors.',
    layout: 'That the pages can be read on a screen 320 pixels wide without scrolling sideways.',
    lighthouse: 'That the needs page gets a full accessibility score in Lighthouse.',
    language: 'That the language of the page (Swedish or English) is set in the code, so that screen readers read the text correctly.',
  },
  gaps: {
    title: 'Known shortcomings',
    manual: 'No manual audit with screen readers (such as NVDA, JAWS or VoiceOver) has been made yet. Automatic tests find only some of all problems.',
    contrast: 'Automatic tests cannot decide the contrast of text on colour gradients and in charts. It has been checked by hand but not measured in every state.',
    charts: 'Charts are also shown as tables, but not every chart has been checked with a screen reader.',
    timeout: 'If you are signed in and do nothing for a long time, you need to sign in again. What you have written but not saved may then be lost.',
    content: 'Texts the organisations write themselves, such as descriptions of needs, may be hard to read. We cannot review them all.',
  },
  report: {
    title: 'Report shortcomings and give feedback',
    text: 'If you cannot use some part of Samverka, or if you find more shortcomings than those we describe here, we would like to know. Write to us in the form below. You do not need to be signed in. If you would like an answer, give your e-mail address.',
  },
  form: {
    title: 'Send feedback',
    message: 'What did not work?',
    messageDescription: 'Describe what you wanted to do and what happened. Feel free to say which assistive technology you use.',
    page: 'Which page is it about? (optional)',
    pageDescription: 'For example the page’s heading or address.',
    email: 'Your e-mail address (optional)',
    emailDescription: 'Only if you would like an answer. We use it for nothing else.',
    submit: 'Send feedback',
    sending: 'Sending …',
    messageRequired: 'Write what did not work.',
    messageTooLong: 'Write at most {{count}} characters.',
    emailInvalid: 'Write an e-mail address, for example name@municipality.se.',
    failed: 'We could not receive your feedback. Try again in a while.',
    sentTitle: 'Thank you for your feedback',
    sentWithEmail: 'We have received it and will answer at {{email}}.',
    sentWithoutEmail: 'We have received it. You left no e-mail address, so we cannot answer you.',
    another: 'Send more feedback',
  },
  enforcement: {
    title: 'Enforcement',
    text: 'The Agency for Digital Government (Digg) is responsible for enforcing the Act on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can report it to Digg.',
    link: 'Report to Digg: digg.se/tdosanmalan',
  },
  method: {
    title: 'How we tested Samverka',
    text: 'We assessed the service ourselves. The assessment rests on the automatic tests above, which run on every page in Chromium with a new demo database on every change to the code, and on using the pages with only a keyboard and at 320 pixels wide.',
  },
  updated: {
    title: 'About this statement',
    text: 'This statement was written on {{date}}. We will update it once the manual audit is done and as we fix shortcomings.',
  },
};
