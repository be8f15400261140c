// llm-service/k8s: every manifest parses and validates against the Kubernetes API schemas
// (kubernetes-models ships them, compiled; nothing is downloaded), every kustomization lists files
// that exist and every manifest belongs to one, and the parts careerforge relies on are there:
// the GPU limit and toleration, the models volume, the pull on start, readiness on /api/version,
// the Ollama settings, Services that select their pods, the vLLM API and its autoscaler.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './support/cli.js';

const K8S = path.join(ROOT, 'llm-service', 'k8s');

interface Doc { file: string; obj: any }

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f)).sort();
}

function parse(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((doc) => {
    expect(doc.errors, `${file}: ${doc.errors.join('; ')}`).toEqual([]);
    return doc.toJS();
  }).filter((o) => o !== null);
}

const isKustomization = (f: string) => path.basename(f) === 'kustomization.yaml';
const manifests: Doc[] = yamlFiles(K8S).filter((f) => !isKustomization(f)).flatMap((file) => parse(file).map((obj) => ({ file, obj })));
const find = (kind: string, name: string) => {
  const doc = manifests.find((d) => d.obj.kind === kind && d.obj.metadata?.name === name);
  if (!doc) throw new Error(`no ${kind} ${name} in llm-service/k8s`);
  return doc.obj;
};

async function validate(obj: any): Promise<void> {
  const mod = (await import(`kubernetes-models/${obj.apiVersion}`)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = mod[obj.kind];
  if (!Model) throw new Error(`kubernetes-models has no ${obj.apiVersion} ${obj.kind}`);
  new Model(obj).validate();
}

describe('llm-service/k8s manifests', () => {
  it('validates every object against the Kubernetes API schemas', async () => {
    expect(manifests.length).toBeGreaterThanOrEqual(8);
    for (const { file, obj } of manifests) {
      await expect(validate(obj).then(() => 'valid'), path.relative(ROOT, file)).resolves.toBe('valid');
    }
  });

  it('the validator does reject a broken manifest (so the check above can fail)', async () => {
    const broken = structuredClone(find('StatefulSet', 'ollama'));
    broken.spec.replicas = 'two';
    await expect(validate(broken)).rejects.toThrow(/replicas must be integer/);
    const noImage = structuredClone(find('Deployment', 'vllm'));
    noImage.spec.template.spec.containers[0].ports[0].containerPort = '8000';
    await expect(validate(noImage)).rejects.toThrow(/containerPort must be integer/);
  });

  it('kustomizations list files that exist, and every manifest is in one', () => {
    const listed = new Set<string>();
    const kustomizations = yamlFiles(K8S).filter(isKustomization);
    expect(kustomizations.map((f) => path.relative(K8S, f)).sort()).toEqual(['kustomization.yaml', 'namespace/kustomization.yaml', 'ollama/kustomization.yaml', 'vllm/kustomization.yaml']);
    for (const file of kustomizations) {
      const [k] = parse(file);
      expect(k.kind).toBe('Kustomization');
      for (const resource of k.resources as string[]) {
        const target = path.resolve(path.dirname(file), resource);
        expect(fs.existsSync(target), `${path.relative(ROOT, file)} lists ${resource}`).toBe(true);
        if (fs.statSync(target).isDirectory()) expect(fs.existsSync(path.join(target, 'kustomization.yaml'))).toBe(true);
        else listed.add(target);
      }
    }
    for (const { file } of manifests) expect(listed.has(file), `${path.relative(ROOT, file)} is in no kustomization.yaml`).toBe(true);
  });

  it('Ollama: a StatefulSet on GPU nodes with its models volume, a pull on start and readiness on /api/version', () => {
    const sts = find('StatefulSet', 'ollama');
    const pod = sts.spec.template.spec;
    const [ollama] = pod.containers;
    expect(ollama.resources.limits['nvidia.com/gpu']).toBe(1);
    expect(pod.tolerations).toContainEqual({ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
    expect(sts.spec.volumeClaimTemplates[0].metadata.name).toBe('models');
    expect(ollama.volumeMounts).toContainEqual({ name: 'models', mountPath: '/root/.ollama' });
    expect(ollama.readinessProbe.httpGet).toEqual({ path: '/api/version', port: 'http' });
    const env = Object.fromEntries(ollama.env.map((e: any) => [e.name, e.value]));
    expect(Number(env.OLLAMA_NUM_PARALLEL)).toBeGreaterThan(1);
    expect(env.OLLAMA_KEEP_ALIVE).toMatch(/^\d+[smh]$|^-1$/);
    const [pull] = pod.initContainers;
    expect(pull.image).toBe(ollama.image);
    expect(pull.args.join('\n')).toContain('ollama pull "$CAREERFORGE_MODEL"');
    expect(pull.env).toContainEqual({ name: 'CAREERFORGE_MODEL', value: 'mistral:7b-instruct-v0.3-q4_K_M' });
    expect(pull.volumeMounts).toContainEqual({ name: 'models', mountPath: '/root/.ollama' });
    expect(sts.spec.serviceName).toBe(find('Service', 'ollama-headless').metadata.name);
    expect(find('Service', 'ollama-headless').spec.clusterIP).toBe('None');
  });

  it('vLLM: a Deployment with the OpenAI-compatible API, its Service and a HorizontalPodAutoscaler', () => {
    const deploy = find('Deployment', 'vllm');
    const [vllm] = deploy.spec.template.spec.containers;
    expect(vllm.image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
    expect(vllm.args).toEqual(expect.arrayContaining(['--port=8000', '--served-model-name=mistral-7b-instruct', '--max-model-len=8192']));
    expect(vllm.resources.limits['nvidia.com/gpu']).toBe(1);
    expect(deploy.spec.template.spec.tolerations).toContainEqual({ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
    const hpa = find('HorizontalPodAutoscaler', 'vllm');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'vllm' });
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    const claim = deploy.spec.template.spec.volumes.find((v: any) => v.persistentVolumeClaim)?.persistentVolumeClaim.claimName;
    expect(find('PersistentVolumeClaim', claim).spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('every Service selects pods that exist and targets a port they declare', () => {
    const workloads = manifests.filter((d) => ['StatefulSet', 'Deployment'].includes(d.obj.kind)).map((d) => d.obj.spec.template);
    const services = manifests.filter((d) => d.obj.kind === 'Service').map((d) => d.obj);
    expect(services.map((s) => s.metadata.name).sort()).toEqual(['ollama', 'ollama-headless', 'vllm']);
    for (const svc of services) {
      const pods = workloads.filter((t) => Object.entries(svc.spec.selector).every(([k, v]) => t.metadata.labels[k] === v));
      expect(pods, `Service ${svc.metadata.name} selects no pods`).toHaveLength(1);
      const portNames = pods[0].spec.containers.flatMap((c: any) => c.ports.map((p: any) => p.name));
      for (const port of svc.spec.ports) expect(portNames).toContain(port.targetPort);
    }
  });
});
