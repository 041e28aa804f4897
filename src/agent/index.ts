/**
 * Entry of the agent page (`/agent`), built as `dist/spp-agent.js`. Not in the widgets' catalog: a host page
 * pasting the widgets' script never downloads it.
 */
import './agent-app.js';

// `/agent?lang=en`: the page speaks English (the elements follow the page's language).
if (new URLSearchParams(location.search).get('lang') === 'en') document.documentElement.lang = 'en';
