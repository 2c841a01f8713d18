import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mono-sync-button-gap, 0.5rem);
  }
  .status {
    color: var(--_text-muted);
  }
  .alert {
    color: var(--_negative);
  }
`;
