import { css } from 'lit';

export const identityStyles = css`
  :host {
    display: block;
    --_loading-block-size: 20rem;
    --_padding: var(--mono-identity-padding, var(--_space));
    --_label-width: var(--mono-identity-label-width, 10rem);
    container-type: inline-size;
  }
  .identity {
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(6rem, var(--_label-width)) minmax(0, 1fr);
    gap: 0.5rem 1rem;
    margin: 0;
  }
  .field {
    display: contents;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .value {
    min-inline-size: 0;
  }
  .secret {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.03em;
  }
  .not-provided {
    color: var(--_text-muted);
    font-style: italic;
  }
  /* 24 px high at least: a comfortable touch target, not only WCAG 2.2's by spacing. */
  .reveal {
    min-block-size: 1.5rem;
    padding: 0.1rem 0.55rem;
    font-size: 0.8rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
  }
  .reveal[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .updated {
    margin: 0.75rem 0 0;
    color: var(--_text-muted);
    font-size: 0.85rem;
  }
  @container (max-width: 26rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
