// Nothing to do: this extension only makes the test host a web worker extension host.
module.exports = { activate: () => undefined };
