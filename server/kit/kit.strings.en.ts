import type { KitStrings } from './kit.strings.js';

/** English of `kit.strings.ts`, key for key: our own translation (there is no official one; the French kit is the reference). */
export const KIT_EN: KitStrings = {
  kitTitle: 'Communication kit – {name}',
  intro:
    'The texts below follow the Services Publics+ communication kit, filled in with your local commitments and your latest results. Edit them right in the page, then copy them as text or as HTML. The English wording is our own translation: the French kit is the reference.',
  keyMessages: 'Key messages',
  messagesBlock: 'Messages and figures to reuse',
  keyFigures: 'Key figures',
  ourFigures: 'Results of {name}',
  articles: 'Articles ready to publish',
  longArticle: 'Long article',
  shortArticle: 'Short article',
  posts: 'Posts for social networks',
  postsHint: 'Each post is at most {max} characters, link included.',
  characters: '{count} characters',
  words: 'The engagements and citizens’ words',
  wordsHint: 'Citizens’ words from the national kit, to quote with each engagement.',
  yourCommitments: 'Your local commitments',
  noCommitment: 'No local commitment is recorded for this engagement.',
  quoteLabel: 'A citizen’s words',
  downloads: 'Downloads',
  engagementsA4: 'Poster of the 9 engagements (PDF, A4)',
  engagementsA3: 'Poster of the 9 engagements (PDF, A3)',
  resultsPdf: 'Results poster (PDF, A4)',
  signature: 'E-mail signature block (HTML)',
  images: 'Images for social networks (PNG, 1,200 × 630)',
  altText: 'Alternative text to attach to the image:',
  download: 'Download',
  copyText: 'Copy text',
  copyHtml: 'Copy HTML',
  copyAlt: 'Copy the alternative text',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Copying failed: select the text and copy it with Ctrl+C.',
  noResults:
    'No quality-of-service result is published yet for this service, so the kit leaves results out. Publish your results and they will show here, in the articles, the posts and the results poster.',
  noResultsPdf: 'No quality-of-service result is published yet for this service.',
  updated: 'Results published on {date}.',
  notFoundTitle: 'Service not found',
  notFound: 'No service has this SP+ code. Check the link, or look for your service in the configurator.',
  configurator: 'Open the configurator',
  switchLang: 'Version française',
  otherLang: 'fr',
  editable: '{what} (editable)',
  site: 'Services Publics+',
  footer: 'Marks and texts from the Services Publics+ communication kit (DITP). Font of the files: Source Sans Pro (SIL Open Font License).',
  skip: 'Skip to content',
  spCode: 'SP+ code',
  contents: 'Contents',

  message1:
    '{name} takes part in Services Publics+, the programme that follows the "Marianne" quality approach, for public services that are always closer, simpler and more efficient.',
  message2:
    'The programme rests on 9 service engagements, built with network heads, front-line staff and citizens: they are the common promise of public services to their users.',
  message3:
    'It stands on 4 pillars: the promise (the 9 engagements shown locally), the proof (results published), listening (citizens share their experience, positive or negative) and continuous improvement at each local site, with staff and users.',
  messageLocal_one: '{name} adds {count} local commitment of its own to the national engagements.',
  messageLocal_other: '{name} adds {count} local commitments of its own to the national engagements.',
  messageFigures_one: '{name} publishes {count} quality-of-service indicator: {link}',
  messageFigures_other: '{name} publishes {count} quality-of-service indicators: {link}',
  messageForm: 'Citizens can tell their experience of {name} and read its replies: {link}',
  national1: 'Since 2016, more than 4,500 public bodies have committed, on their own initiative, to the quality engagements.',
  national2:
    '71% of French people deal at least once a year with one of the 18 largest public service networks concerned (Kantar study 2020 for the DITP); about 47 million people benefit from the Services Publics+ engagements.',
  national3: '69% of French people rather trust the administration (Delouvrier barometer, 2019).',
  national4:
    '58% of French people want more speed, 42% more simplicity, 34% more equality of public services across the country and 25% a more personal follow-up (Delouvrier barometer, 2019).',
  figureLine: '{label}: {value} ({period}{target})',
  figureTarget: ', target {target}',
  commitmentLine: 'Engagement {n}{keyword}: {text}',

  longTitle: '{name} and the Services Publics+ engagements: closer, simpler, more efficient public services',
  longIntro1:
    'For several years, State services have been working to improve how they welcome their users, in person or online, by phone or by mail, through the Marianne engagements. More than 4,500 public bodies have already adopted them, and deep changes in how these services are organised can already be seen.',
  longIntro2:
    'Yet French people expect a lot in terms of quality of service, simplicity and listening: 58% want more speed, 42% more simplicity, 34% more equality of public services across the country and 25% a more personal follow-up (Delouvrier barometer, 2019).',
  longIntro3:
    'To improve further and build trust between the administration and its users, the Government offers all public services dealing with citizens one continuous improvement programme centred on the user experience: Services Publics+. {name} ({network}) displays its 9 engagements and applies them every day.',
  longEngagements: 'The Services Publics+ engagements',
  longCommitments: 'What {name} commits to, locally',
  longResultsTitle: 'Reporting on our quality of service (engagement 6)',
  longResults: '{name} publishes its results, both performance and satisfaction, on site and online{date}:',
  longResultsDate: ' (latest publication: {date})',
  longAllResults: 'All our results and their history: {link}',
  longOpinionTitle: 'Your opinion counts (engagement 7)',
  longOpinion:
    'You can tell your experience of {name}, positive or negative, and suggest improvements: {form}. We reply publicly, and the experiences with our replies can be read here: {testimonies}',
  longHowTitle: 'How were the engagements drawn up?',
  longHow:
    'The engagements were drawn up by the Interministerial Directorate for Public Transformation with staff from administrations dealing with the public, in three workshops between September and November 2019, then tested with two groups of users in October 2019.',

  shortTitle: 'Services Publics+ at {name}: 9 engagements for close, simple and efficient public services',
  shortIntro:
    'Created in 2005 as the Marianne engagements and adopted by more than 4,500 public bodies, the Services Publics+ engagements now apply to every public service dealing with citizens. {name} displays them and puts the accent on a more personal relationship, kindness, easier guidance, reachability and announced deadlines kept.',
  shortCommitments: 'Our local commitments:',
  shortResults: 'Our latest results (all of them: {link}):',
  shortForm: 'Tell us about your experience: {link}',

  postPromiseLabel: 'The programme',
  postPromise:
    'With Services Publics+, {name} promises you a public service that lives up to your expectations: 9 engagements for closer, simpler and more efficient public services. {link}',
  postEngagement: '[Quality engagement #{n}] {name}: {text} #ServicesPublicsPlus {link}',
  postResultLabel: 'Result: {label}',
  postResult: '[Quality engagement #6] {label}: {value} {in} {period}{target}. {name} shows its quality-of-service results in full #transparency: {link}',
  postResultIn: 'in',
  postResultInQuarter: 'in',
  postResultTarget: ' (target {target})',
  postOpinionLabel: 'Your opinion',
  postOpinion:
    '[Quality engagement #7] Your opinion counts! Share your experience with {name}: we commit to replying and to improving our services accordingly. {link}',

  imageEngagementAlt: 'Services Publics + – {name} – Engagement {n}: {text}.{here}',
  imageFigureAlt: 'Services Publics + – {name}: {label}: {value}, {period}.{target}',
  imageAltTarget: ' Target {target}.',
  imageHere: 'Here: {commitment}',
  imageTarget: 'target {target}',

  signatureTitle: 'E-mail signature – {name}',
  signatureTagline: '9 engagements for closer, simpler, more efficient public services',
  signatureResults: 'Our quality-of-service results',
  signatureOpinion: 'Tell us about your experience',

  publicResultsTitle: 'Results of {name}',
  publicTestimoniesTitle: 'Experiences with {name}',
  publicTestimoniesLink: 'Experiences and replies',
  publicResultsLink: 'Our quality-of-service results',
  publicFormLink: 'Tell us about your experience',

  quarterFirst: 'Q1 {year}',
  quarter: 'Q{n} {year}',

  // The printable posters (pdf.ts).
  posterEngagementsTitle: 'Our service engagements',
  posterHere: 'Here:',
  posterOpinion: 'Your opinion counts',
  posterOpinionText: 'Tell us about your experience with {name}, good or bad: scan the code or go to',
  posterResultsAt: 'Our quality-of-service results:',
  posterResultsTitle: 'Our quality-of-service results',
  posterPublished: 'Results published on {date}',
  posterTarget: 'Target {target}',
  posterMet: 'met',
  posterNotMet: 'not met',
  posterColon: ':',
  posterAllResults: 'All our results and their history',
  posterAllResultsText: 'Scan the code or go to',
  posterTellUs: 'Your opinion:',
  posterQrForm: 'QR code to the testimony form: {url}',
  posterQrResults: 'QR code to our online results: {url}',
  posterProgramme: 'Services Publics+: the continuous improvement programme of public services',
  posterEngagementsDoc: 'Services Publics+ engagements – {name}',
  posterResultsDoc: 'Quality-of-service results – {name}',
};
