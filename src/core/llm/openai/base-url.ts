// `--host` on the openai provider: the server's OpenAI base URL (http://gpu-box:8000/v1 for vLLM,
// http://127.0.0.1:8080/v1 for llama-server, http://127.0.0.1:1234/v1 for LM Studio). A missing
// scheme means http; a URL with no path gets /v1, where all three serve the API; a trailing slash
// goes, since the client appends /chat/completions itself.
import { UsageError } from '../../errors.js';

export function parseBaseUrl(raw: string, source = '--host'): string {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  if (value === '') throw new UsageError(`${source} is empty: give the server's base URL, like http://127.0.0.1:8000/v1`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`${source} is not a URL: "${raw}" (expected something like http://127.0.0.1:8000/v1)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${source} has an unsupported scheme "${url.protocol.slice(0, -1)}": use http:// or https://`);
  }
  if (url.username || url.password) {
    throw new UsageError(`${source} must not carry credentials: put the API key in CAREERFORGE_API_KEY`);
  }
  if (url.search || url.hash) throw new UsageError(`${source} must be a base URL without ?query or #fragment: "${raw}"`);
  const path = url.pathname.replace(/\/+$/, '') || '/v1';
  return `${url.protocol}//${url.host}${path}`;
}
