// The few browser globals the browser client uses. The project type-checks without the DOM library
// (the desktop client runs in Node); these are declared here so the browser code is checked too.
declare class Worker {
  constructor(url: string, options?: { readonly name?: string });
  terminate(): void;
}
