// The custom elements in a Vue 3 template: compilerOptions.isCustomElement, v-on:mono-success, attribute
// and property bindings. The e2e links an account through it and checks what Vue saw.
import { createApp } from 'vue';
import '../../src/define.js';

interface Recorded {
  successes: Array<{ accountId: string; reference: string }>;
  loads: string[];
  warnings: string[];
}
const recorded: Recorded = { successes: [], loads: [], warnings: [] };
(window as unknown as { __recorded: Recorded }).__recorded = recorded;

const app = createApp({
  data: () => ({ accountId: '', wording: { retry: 'Reload' } }),
  methods: {
    linked(event: CustomEvent<{ accountId: string; reference: string }>) {
      recorded.successes.push(event.detail);
      this.accountId = event.detail.accountId;
    },
    loaded(event: CustomEvent<{ resource: string }>) {
      recorded.loads.push(event.detail.resource);
    },
  },
  template: `
    <mono-provider endpoint="/api/mono" :account-id="accountId || undefined" :messages.prop="wording">
      <mono-connect-button widget-origins="self" v-on:mono-success="linked"></mono-connect-button>
      <mono-account v-if="accountId" id="linked" compact v-on:mono-load="loaded"></mono-account>
    </mono-provider>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('mono-');
app.config.warnHandler = (message) => void recorded.warnings.push(message);
app.mount('#app');
