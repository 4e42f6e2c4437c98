// Preloaded into the server under test (node -r): records on stderr every attempt to reach the
// network, so a test can show that the server never does.
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

function record(what) {
  return function () {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    throw new Error(`network access is not allowed in the language server (${what})`);
  };
}

net.connect = net.createConnection = record('net.connect');
net.Socket.prototype.connect = record('socket.connect');
dns.lookup = record('dns.lookup');
dns.resolve = record('dns.resolve');
http.request = http.get = record('http.request');
https.request = https.get = record('https.request');
globalThis.fetch = record('fetch');
