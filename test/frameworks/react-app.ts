// The React wrappers in a StrictMode app (effects mount, unmount and mount again): a linked account
// is shown at once. The e2e counts initiate and exchange requests and onMonoSuccess calls.
import { StrictMode, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MonoAccount, MonoConnectButton, MonoProvider } from '../../src/react/index.js';

interface Recorded {
  successes: Array<{ accountId: string; reference: string }>;
  loads: string[];
  renders: number;
}
const recorded: Recorded = { successes: [], loads: [], renders: 0 };
(window as unknown as { __recorded: Recorded }).__recorded = recorded;

function App() {
  const [accountId, setAccountId] = useState<string>();
  recorded.renders++;
  return h(
    MonoProvider,
    { endpoint: '/api/mono', accountId },
    h(MonoConnectButton, {
      widgetOrigins: 'self',
      onMonoSuccess: (event) => {
        recorded.successes.push(event.detail);
        setAccountId(event.detail.accountId);
      },
    }),
    accountId ? h(MonoAccount, { id: 'linked', onMonoLoad: (event) => recorded.loads.push(event.detail.resource) }) : null,
  );
}

createRoot(document.getElementById('root')!).render(h(StrictMode, null, h(App)));
