// Validates Kubernetes objects against the API's schemas (kubernetes-models, KEDA's CRDs from @kubernetes-models/keda),
// offline. Input: a JSON file of [{"source": "...", "object": {...}}]. Prints one line per invalid object, exits 1 if any.
import { readFileSync } from "node:fs";

const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
};

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let invalid = 0;
for (const { source, object } of objects) {
  const where = `${source}: ${object.kind}/${object.metadata?.name}`;
  try {
    const module = modules[object.apiVersion];
    if (!module) throw new Error(`no schema for apiVersion ${object.apiVersion}`);
    const Model = (await import(module))[object.kind];
    if (!Model) throw new Error(`no schema for kind ${object.kind} in ${object.apiVersion}`);
    new Model(object).validate();
    console.log(`valid ${where}`);
  } catch (error) {
    invalid++;
    console.log(`INVALID ${where}: ${error.message}`);
  }
}
process.exit(invalid ? 1 : 0);
