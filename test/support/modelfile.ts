// The Modelfile parser and checker live in src/core/modelfile.ts (`careerforge setup` uses them);
// the deploy tests keep importing them from here.
export * from '../../src/core/modelfile.js';
