// Through a chat template (llama.cpp's server, LM Studio, vLLM without a grammar backend) a model
// may wrap its JSON in a Markdown fence. The fence is packaging, not content: take what is inside,
// so the answer is validated on its merits instead of costing a repair round trip.
const FENCED = /^\s*```[ \t]*(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?[ \t]*```\s*$/;

export function unfence(text: string): string {
  const match = FENCED.exec(text);
  return match ? match[1]! : text;
}
