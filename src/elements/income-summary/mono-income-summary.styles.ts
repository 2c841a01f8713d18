import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_loading-block-size: 35rem;
    container-type: inline-size;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.75rem;
    margin: 0 0 1rem;
  }
  .figure {
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .figure dt {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .figure dd {
    margin: 0.25rem 0 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .streams {
    margin-block-end: 1rem;
  }
  .note {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .state p {
    margin: 0;
    flex: 1 1 14rem;
  }
`;
