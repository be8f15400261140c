// The Modelfile parser and checker live in src/core/ollama-admin/modelfile.ts (`careerforge setup` uses them);
// the deploy tests keep importing them from here.
export * from '../../src/core/ollama-admin/modelfile.js';
