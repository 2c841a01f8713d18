// The React page's app (react-app.ts) under React 18. The e2e serves this page from a Vite server of its
// own that resolves `react` and `react-dom` (for the app and the src/react wrappers alike) to the React 18
// in test/frameworks/react18/node_modules (installed by the root's `npm ci` through a file: devDependency,
// beside the project's React 19). The versions are recorded so that the e2e can tell React 18 really ran.
import { version as react } from 'react';
import { version as reactDom } from 'react-dom';
import './react-app.js';

(window as unknown as { __versions: { react: string; reactDom: string } }).__versions = { react, reactDom };
