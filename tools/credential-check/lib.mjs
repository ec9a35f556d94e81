// Shared by the check scripts: one JSON request on stdin, one JSON answer on stdout.
import { gunzipSync } from 'node:zlib';

export async function readInput() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function answer(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

// Bitstring Status List v1.0 §3.2: multibase base64url ("u"), GZIP, index 0 = the first byte's most significant bit.
export function statusBit(encodedList, index) {
  if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (bits.length * 8 < 131072) throw new Error(`status list has ${bits.length * 8} bits, fewer than 131072`);
  return (bits[Math.floor(index / 8)] & (0x80 >> (index % 8))) !== 0;
}
