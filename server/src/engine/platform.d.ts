// What the engine uses beyond ECMAScript: the WHATWG URL and structuredClone, which Node, browsers
// and web workers all provide. Declared here (not from Node's or the DOM's types) so that the engine's
// type-check admits nothing else of either platform.
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}

declare function structuredClone<T>(value: T): T;
