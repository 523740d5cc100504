/**
 * `npm run verify-evidence -- bundle.zip`: check an evidence bundle with nothing but Node (node:crypto, fflate).
 * Re-hashes every file against SHA256SUMS and manifest.json, recomputes every record hash, checks the chain.
 * Exit codes: 0 verified, 1 verification failed (each problem printed), 2 usage error or unreadable file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { verifyBundle } from '../src/evidence/verify';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((a) => a !== '--');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error('Usage: npm run verify-evidence -- <bundle.zip>');
    return 2;
  }
  const path = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    console.error(`Cannot read ${path}: ${(e as Error).message}`);
    return 2;
  }
  let entries: Map<string, Uint8Array>;
  try {
    entries = new Map(Object.entries(unzipSync(bytes)));
  } catch {
    console.error(`${path} is not a readable ZIP file.`);
    return 2;
  }
  const result = await verifyBundle(entries, { sha256 });
  if (result.ok) {
    const head = result.chainHead;
    console.log(`OK: ${result.records} record${result.records === 1 ? '' : 's'} verified.`);
    console.log(head ? `Chain head: #${head.seq} ${head.hash}` : 'Chain head: (empty log)');
    return 0;
  }
  console.log(
    `FAILED: ${path} did not verify (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).`,
  );
  for (const p of result.problems) {
    const where = [p.seq !== undefined ? `record #${p.seq}` : null, p.file ?? null]
      .filter(Boolean)
      .join(', ');
    console.log(`- ${where ? `[${where}] ` : ''}${p.problem}`);
  }
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
