// Settings that can be stored with `careerforge config set` (and come from flags and env too).
// The single source of truth for their names, types, bounds, env variables and defaults.
import * as z from '../zod.js';
import { line } from '../common-schema.js';
import { LEVELS } from '../vocabulary.js';
import { PROVIDERS } from '../llm/provider.js';
import { numberIn, oneOf, wholeNumber } from '../zod-messages.js';

export const DEFAULT_MODEL = 'mistral:7b-instruct-v0.3-q4_K_M';

export const settingSchemas = {
  // First: where `host` comes from and how it is read depend on it (settings.ts).
  provider: z.enum(PROVIDERS),
  host: z.string().check(z.minLength(1), z.maxLength(2048)),
  model: z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^[\w.:/-]+$/, 'expected an Ollama model name like mistral:7b')),
  num_ctx: z.int().check(z.gte(512), z.lte(131072)),
  num_predict: z.int().check(z.gte(64), z.lte(131072)),
  timeout: z.number().check(z.gt(0), z.lte(86400)),
  retries: z.int().check(z.gte(0), z.lte(10)),
  temperature: z.number().check(z.gte(0), z.lte(2)),
  seed: z.int(),
  /** Send the system prompt inside the first user turn (chat templates that refuse a system role). */
  fold_system: z.boolean(),
  concurrency: z.int().check(z.gte(1), z.lte(32)),
  /** Desired recall probability when a quiz card comes back (FSRS request_retention): higher means shorter intervals. */
  retention: numberIn(0.7, 0.99),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];

/** Environment variable for each setting; OLLAMA_HOST is Ollama's own (OPENAI_BASE_URL on the openai provider). */
export const SETTING_ENV: Record<SettingKey, string> = {
  provider: 'CAREERFORGE_PROVIDER',
  host: 'OLLAMA_HOST',
  model: 'CAREERFORGE_MODEL',
  num_ctx: 'CAREERFORGE_NUM_CTX',
  num_predict: 'CAREERFORGE_NUM_PREDICT',
  timeout: 'CAREERFORGE_TIMEOUT',
  retries: 'CAREERFORGE_RETRIES',
  temperature: 'CAREERFORGE_TEMPERATURE',
  seed: 'CAREERFORGE_SEED',
  fold_system: 'CAREERFORGE_FOLD_SYSTEM',
  concurrency: 'CAREERFORGE_CONCURRENCY',
  retention: 'CAREERFORGE_RETENTION',
};

/** On the openai provider `host` is a base URL, read from the openai clients' own variable. */
export const OPENAI_HOST_ENV = 'OPENAI_BASE_URL';
/** vLLM's default port; llama-server (8080) and LM Studio (1234) are one --host away. */
export const OPENAI_DEFAULT_HOST = 'http://127.0.0.1:8000/v1';

/** Defaults; num_predict and seed have none (num_predict is sized per request, seed is random); fold_system is off. */
export const SETTING_DEFAULTS = {
  provider: 'ollama',
  host: 'http://127.0.0.1:11434',
  model: DEFAULT_MODEL,
  num_ctx: 8192,
  // Generous: a cold 7B load on a laptop disk can take a minute before the first byte.
  timeout: 300,
  retries: 2,
  temperature: 0.4,
  // Ollama serves one request at a time unless OLLAMA_NUM_PARALLEL says more: match it.
  concurrency: 1,
  retention: 0.9,
} satisfies Partial<Record<SettingKey, unknown>>;

/**
 * Profile defaults (`careerforge config set level intermediate`): what the input forms offer when
 * no earlier profile of that command is saved. They are not model settings: no flag, no env
 * variable, never part of settings resolution. Bounds match the command input schemas.
 */
export const profileDefaultSchemas = {
  role: line(120),
  level: oneOf(LEVELS),
  hours_per_week: wholeNumber(1, 80),
  months: wholeNumber(1, 24),
  topic: line(120),
} as const;

export type ProfileDefaultKey = keyof typeof profileDefaultSchemas;
export const PROFILE_DEFAULT_KEYS = Object.keys(profileDefaultSchemas) as ProfileDefaultKey[];
export type ProfileDefaults = Partial<{ [K in ProfileDefaultKey]: z.infer<(typeof profileDefaultSchemas)[K]> }>;

export const storedConfigSchema = z.partial(z.object({ ...settingSchemas, ...profileDefaultSchemas }));
export type StoredConfig = z.infer<typeof storedConfigSchema>;
