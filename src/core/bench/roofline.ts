// The memory-bandwidth roofline for single-stream generation: every new token reads all the
// weights once, so tokens/s <= bandwidth / model bytes. Measured speed as a share of that ceiling
// says how close the setup runs to the hardware limit (llama.cpp reaches 60-85% on consumer cards).

/** Peak memory bandwidth in GB/s (vendor spec sheets) of common GPUs, matched by name. */
export const GPU_BANDWIDTH_GBS: Readonly<Record<string, number>> = {
  'RTX 3050': 224, 'RTX 3060': 360, 'RTX 3060 Ti': 448, 'RTX 3070': 448, 'RTX 3070 Ti': 608,
  'RTX 3080': 760, 'RTX 3080 Ti': 912, 'RTX 3090': 936, 'RTX 3090 Ti': 1008,
  'RTX 4060': 272, 'RTX 4060 Ti': 288, 'RTX 4070': 504, 'RTX 4070 Ti': 504, 'RTX 4070 SUPER': 504,
  'RTX 4080': 717, 'RTX 4080 SUPER': 736, 'RTX 4090': 1008, 'RTX 5090': 1792, 'RTX 5080': 960,
  'RTX 2060': 336, 'RTX 2070': 448, 'RTX 2080': 448, 'RTX 2080 Ti': 616, 'GTX 1080 Ti': 484,
  'RTX A4000': 448, 'RTX A5000': 768, 'RTX A6000': 768, 'RTX 6000 Ada': 960,
  T4: 320, L4: 300, A10: 600, A10G: 600, L40S: 864, V100: 900,
  'A100-SXM4-40GB': 1555, 'A100-PCIE-40GB': 1555, 'A100 80GB PCIe': 1935, 'A100-SXM4-80GB': 2039,
  'H100 PCIe': 2000, 'H100 80GB HBM3': 3350, 'H100 NVL': 3900, H200: 4800,
};

/** The longest table key found in the GPU name wins, so "RTX 3060 Ti" is not read as "RTX 3060". */
export function lookupBandwidth(gpuName: string): { key: string; gbs: number } | undefined {
  const name = gpuName.toLowerCase();
  let best: { key: string; gbs: number } | undefined;
  for (const [key, gbs] of Object.entries(GPU_BANDWIDTH_GBS)) {
    const k = key.toLowerCase();
    const at = name.indexOf(k);
    // Whole-word match: "L4" must not match inside "L40S".
    const after = name[at + k.length];
    if (at < 0 || (after !== undefined && /[a-z0-9]/.test(after))) continue;
    if (!best || key.length > best.key.length) best = { key, gbs };
  }
  return best;
}

export interface Roofline {
  bandwidth_gbs: number;
  source: string;
  model_bytes: number;
  ceiling_tps: number;
  measured_tps?: number;
  /** measured / ceiling, 0-1 (can exceed 1 only if the inputs are wrong). */
  share?: number;
}

export function roofline(bandwidthGbs: number, source: string, modelBytes: number, measuredTps?: number): Roofline {
  const ceiling = modelBytes > 0 ? (bandwidthGbs * 1e9) / modelBytes : 0;
  const out: Roofline = { bandwidth_gbs: bandwidthGbs, source, model_bytes: modelBytes, ceiling_tps: ceiling };
  if (measuredTps !== undefined && ceiling > 0) Object.assign(out, { measured_tps: measuredTps, share: measuredTps / ceiling });
  return out;
}
