// `careerforge --version --json`: what a bug report needs in one document: the version, Node,
// the platform, and the model and host this machine is configured for (env > config > default).
import { resolveHome, resolveSettings } from '../core/config/settings.js';
import { displayHost } from '../core/llm/host.js';
import { LocalStore } from '../core/store/store.js';
import { successEnvelope, writeJson } from '../render/json.js';
import type { Session } from './session.js';

export async function printVersionJson(version: string, session: Session): Promise<void> {
  const home = resolveHome(session.env);
  const settings = resolveSettings({}, session.env, await new LocalStore(home, session.warn).readConfig());
  const data = {
    version,
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    provider: settings.provider,
    model: settings.model,
    model_source: settings.sources.model,
    host: displayHost(settings.host),
    host_source: settings.sources.host,
    home,
  };
  writeJson(session.stdout, successEnvelope(data, session.meta));
}
