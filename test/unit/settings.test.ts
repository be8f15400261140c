// Settings resolve flag > env > config > default, each remembering its source; bad values of any
// origin are usage errors that name where they came from.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_MODEL } from '../../src/core/config/schema.js';
import { parseSetting, resolveHome, resolveSettings } from '../../src/core/config/settings.js';

describe('resolveSettings', () => {
  it('uses the defaults when nothing is given', () => {
    const s = resolveSettings({}, {}, {});
    expect(s).toEqual({
      provider: 'ollama',
      host: 'http://127.0.0.1:11434',
      model: DEFAULT_MODEL,
      num_ctx: 8192,
      timeout: 300,
      retries: 2,
      temperature: 0.4,
      concurrency: 1,
      retention: 0.9,
      sources: { provider: 'default', host: 'default', model: 'default', num_ctx: 'default', timeout: 'default', retries: 'default', temperature: 'default', concurrency: 'default', retention: 'default' },
    });
    expect(s.num_predict).toBeUndefined();
    expect(s.seed).toBeUndefined();
  });

  it('takes flag over env over config over default, per key', () => {
    const s = resolveSettings(
      { model: 'flag:1b', num_ctx: '4096' },
      { CAREERFORGE_MODEL: 'env:1b', CAREERFORGE_NUM_CTX: '2048', CAREERFORGE_RETRIES: '0', OLLAMA_HOST: 'gpu-box' },
      { model: 'config:1b', num_ctx: 1024, retries: 5, temperature: 0.9, seed: 42 },
    );
    expect(s.model).toBe('flag:1b');
    expect(s.num_ctx).toBe(4096);
    expect(s.retries).toBe(0);
    expect(s.host).toBe('http://gpu-box:11434');
    expect(s.temperature).toBe(0.9);
    expect(s.seed).toBe(42);
    expect(s.timeout).toBe(300);
    expect(s.sources).toEqual({
      provider: 'default', host: 'env', model: 'flag', num_ctx: 'flag', retries: 'env', temperature: 'config', seed: 'config', timeout: 'default', concurrency: 'default', retention: 'default',
    });
  });

  it('reads --concurrency from the flag, CAREERFORGE_CONCURRENCY or the config store, within 1-32', () => {
    expect(resolveSettings({ concurrency: '4' }, { CAREERFORGE_CONCURRENCY: '2' }, { concurrency: 3 }).concurrency).toBe(4);
    expect(resolveSettings({}, { CAREERFORGE_CONCURRENCY: '2' }, { concurrency: 3 }).concurrency).toBe(2);
    expect(resolveSettings({}, {}, { concurrency: 3 })).toMatchObject({ concurrency: 3, sources: { concurrency: 'config' } });
    expect(() => resolveSettings({ concurrency: '0' }, {}, {})).toThrow(/--concurrency/);
    expect(() => resolveSettings({ concurrency: '2.5' }, {}, {})).toThrow(/--concurrency/);
    expect(() => resolveSettings({}, { CAREERFORGE_CONCURRENCY: '33' }, {})).toThrow(/CAREERFORGE_CONCURRENCY/);
  });

  it('ignores an empty environment variable', () => {
    const s = resolveSettings({}, { CAREERFORGE_MODEL: '', OLLAMA_HOST: '' }, { model: 'config:1b' });
    expect(s.model).toBe('config:1b');
    expect(s.sources.model).toBe('config');
    expect(s.sources.host).toBe('default');
  });

  it('names the flag, env variable or config key of a bad value', () => {
    expect(() => resolveSettings({ num_ctx: '10' }, {}, {})).toThrow(/^--num-ctx: .*512/);
    expect(() => resolveSettings({}, { CAREERFORGE_TIMEOUT: 'soon' }, {})).toThrow('CAREERFORGE_TIMEOUT: expected a number, got "soon"');
    expect(() => resolveSettings({}, {}, { retries: 11 })).toThrow(/^config retries: .*10/);
    expect(() => resolveSettings({ model: 'bad model!' }, {}, {})).toThrow('--model: expected an Ollama model name like mistral:7b');
    expect(() => resolveSettings({ host: 'ftp://x' }, {}, {})).toThrow(UsageError);
  });

  it('does not fall through to a lower layer when a higher one is invalid', () => {
    expect(() => resolveSettings({}, { CAREERFORGE_NUM_CTX: '99' }, { num_ctx: 4096 })).toThrow(/CAREERFORGE_NUM_CTX/);
  });
});

describe('retention (spaced repetition)', () => {
  it('resolves flag > env > config > default and stays within 0.7-0.99', () => {
    expect(resolveSettings({}, {}, {}).retention).toBe(0.9);
    expect(resolveSettings({}, {}, { retention: 0.8 }).retention).toBe(0.8);
    expect(resolveSettings({}, { CAREERFORGE_RETENTION: '0.85' }, { retention: 0.8 }).retention).toBe(0.85);
    const flagged = resolveSettings({ retention: '0.95' }, { CAREERFORGE_RETENTION: '0.85' }, { retention: 0.8 });
    expect([flagged.retention, flagged.sources.retention]).toEqual([0.95, 'flag']);
    expect(() => resolveSettings({ retention: '1.5' }, {}, {})).toThrow(/^--retention: .*0\.99/);
    expect(() => resolveSettings({}, { CAREERFORGE_RETENTION: 'high' }, {})).toThrow('CAREERFORGE_RETENTION: expected a number, got "high"');
  });
});

describe('parseSetting', () => {
  it('parses numbers from strings and keeps typed values', () => {
    expect(parseSetting('temperature', '0.1', '--temperature')).toBe(0.1);
    expect(parseSetting('seed', 7, 'config seed')).toBe(7);
    expect(parseSetting('host', ':1234', '--host')).toBe('http://127.0.0.1:1234');
  });

  it('rejects non-integers for integer settings', () => {
    expect(() => parseSetting('retries', '1.5', '--retries')).toThrow(/^--retries: /);
    expect(() => parseSetting('num_ctx', ' ', '--num-ctx')).toThrow('--num-ctx: expected a number, got " "');
  });
});

describe('resolveHome', () => {
  it('uses CAREERFORGE_HOME when set', () => {
    expect(resolveHome({ CAREERFORGE_HOME: 'rel/dir' })).toBe(path.resolve('rel/dir'));
  });

  it.runIf(process.platform === 'linux')('falls back to the XDG config dir on Linux', () => {
    expect(resolveHome({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/careerforge');
  });
});
