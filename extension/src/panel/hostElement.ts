/**
 * A React element for the host viewer's React without importing React: OHIF renders panel
 * components with its own React (not exposed to extensions, and a second bundled copy would break
 * hooks). A panel component that returns one `<div>` with a callback ref needs only the element's
 * plain-object shape; React 18 (OHIF 3.x) tags elements with Symbol.for('react.element'), a
 * registry symbol shared by every copy. Everything inside the div is ordinary DOM.
 */
export interface HostElement {
  readonly $$typeof: symbol;
  readonly type: 'div';
  readonly key: null;
  readonly ref: (node: HTMLDivElement | null) => void;
  readonly props: Readonly<Record<string, unknown>>;
  readonly _owner: null;
}

export function hostDivElement(ref: (node: HTMLDivElement | null) => void, props: Record<string, unknown>): HostElement {
  return { $$typeof: Symbol.for('react.element'), type: 'div', key: null, ref, props, _owner: null };
}
