// Independent RDFC-1.0 canonicalisation for the Linked Data tests (digitalbazaar jsonld.js).
// Reads a JSON array of JSON-LD documents on stdin and writes a JSON array with, for each document,
// {"nquads": "..."} or {"error": "..."}. Contexts come only from the service's bundled files
// (src/Osaamismerkit/Credentials/LinkedData/Contexts/index.json) plus files named on the command line as
// URL=path; any other URL fails, so nothing is ever fetched.
// Optional: --max-work-factor=N (rdf-canonize's default is 1, the same as the service's).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';

const here = dirname(fileURLToPath(import.meta.url));
const contextsFolder = join(here, '..', '..', 'src', 'Osaamismerkit', 'Credentials', 'LinkedData', 'Contexts');
const contexts = new Map();
const index = JSON.parse(readFileSync(join(contextsFolder, 'index.json'), 'utf8'));
for (const [url, file] of Object.entries(index)) {
  contexts.set(url, JSON.parse(readFileSync(join(contextsFolder, file), 'utf8')));
}

let maxWorkFactor = 1;
for (const argument of process.argv.slice(2)) {
  if (argument.startsWith('--max-work-factor=')) {
    maxWorkFactor = Number(argument.slice('--max-work-factor='.length));
    continue;
  }
  const at = argument.indexOf('=');
  contexts.set(argument.slice(0, at), JSON.parse(readFileSync(argument.slice(at + 1), 'utf8')));
}

const documentLoader = async (url) => {
  if (!contexts.has(url)) {
    throw new Error(`context not bundled: ${url}`);
  }
  return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
};

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const documents = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const document of documents) {
  try {
    const nquads = await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader,
      safe: true,
      canonizeOptions: { algorithm: 'RDFC-1.0', maxWorkFactor },
    });
    results.push({ nquads });
  } catch (error) {
    results.push({ error: String(error && error.message || error) });
  }
}
process.stdout.write(JSON.stringify(results));
