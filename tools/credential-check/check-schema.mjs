// Validates a credential against the 1EdTech Open Badges 3.0 AchievementCredential JSON Schema with ajv.
// Input: { credential }. Output: { valid, errors?, missingSchema? }.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { answer, readInput } from './lib.mjs';

const path = process.env.OB3_SCHEMA_PATH
  ?? fileURLToPath(new URL('./schema/ob_v3p0_achievementcredential_schema.json', import.meta.url));
const { credential } = await readInput();
if (!existsSync(path)) {
  answer({ valid: false, missingSchema: path });
} else {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
  const valid = validate(credential);
  answer(valid ? { valid } : { valid, errors: validate.errors.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) });
}
