import type { EngagementsResponse } from '../contract/engagement.js';

/** Section V illustrates engagements 6 and 7 with the same words. */
const OPINION_QUOTE =
  "As a user, I'm well placed to say what works and what doesn't in public services, but nobody really asks for my opinion...";

/**
 * Our own English translation of the 9 engagements and the citizen quotes. There is no official English
 * version (`translated: true`); the French text in `engagements.fr.ts` is the reference.
 */
export const ENGAGEMENTS_EN: EngagementsResponse = {
  version: '2020',
  lang: 'en',
  translated: true,
  pillars: [
    {
      id: 'proches',
      title: 'Closer public services',
      engagements: [
        {
          number: 1,
          pillar: 'proches',
          keyword: 'Kindness',
          text: 'With mutual respect, you are welcomed with courtesy and kindness, and within the conditions set by law you have the right to make a mistake',
          emphasis: ['kindness'],
          quote: "Administrative procedures are complex; I would at least like to be welcomed kindly, even when I've made a mistake...",
        },
        {
          number: 2,
          pillar: 'proches',
          keyword: 'Reachable',
          text: 'We can be reached by phone or in person, and we make your online procedures easier',
          emphasis: ['reached'],
          quote: 'I feel rather alone in front of my screen when I have to do something online... I spend hours on the phone trying to reach an administration...',
        },
        {
          number: 3,
          pillar: 'proches',
          keyword: 'Support',
          text: 'You receive support suited to your personal situation',
          emphasis: ['support'],
          quote: "I'm a citizen like any other; my disability must not stop me from doing my paperwork like everyone else...",
        },
      ],
    },
    {
      id: 'efficaces',
      title: 'More efficient public services',
      engagements: [
        {
          number: 4,
          pillar: 'efficaces',
          keyword: 'Guidance',
          text: 'We direct you to the right person to handle your request',
          emphasis: ['direct'],
          quote: 'I always have to go through several departments before I find the right one. I waste time...',
        },
        {
          number: 5,
          pillar: 'efficaces',
          keyword: 'Answers and updates',
          text: 'You receive an answer to your requests within the announced time, and you are kept informed of the progress of your file',
          emphasis: ['answer', 'informed'],
          quote: 'I never know when the administration will answer me. And when it does, I sometimes find it hard to understand what it is telling me...',
        },
        {
          number: 6,
          pillar: 'efficaces',
          keyword: 'Results',
          text: 'You have access to our quality-of-service results',
          emphasis: ['results'],
          quote: OPINION_QUOTE,
        },
      ],
    },
    {
      id: 'simples',
      title: 'Simpler public services',
      engagements: [
        {
          number: 7,
          pillar: 'simples',
          keyword: 'Feedback',
          text: 'Your feedback is taken into account to improve and simplify our procedures',
          emphasis: ['feedback'],
          quote: OPINION_QUOTE,
        },
        {
          number: 8,
          pillar: 'simples',
          keyword: 'Continuous improvement',
          text: 'We constantly develop our skills and we keep improving',
          emphasis: ['skills', 'keep improving'],
          quote: "I know answering users isn't always easy; I'd like to know how agents are helped to do their job well...",
        },
        {
          number: 9,
          pillar: 'simples',
          keyword: 'Eco-responsible',
          text: 'We are eco-responsible',
          emphasis: ['eco-responsible'],
          quote: "I try to do my bit for the environment every day, but what's the point if public services don't do theirs...",
        },
      ],
    },
  ],
};
