#!/usr/bin/env python3
"""Checks of the silkport Helm chart, run by tests/helm/validate.sh inside its venv.

Subcommands (each prints one line per check, "PASS  name" or "FAIL  name" followed by
indented detail lines, and exits 0; validate.sh counts the lines):

  schema CHART_DIR VALUES...            values.schema.json is a valid draft-07 schema, and the
                                        chart's values.yaml and each VALUES file satisfy it.
  validate K8S_VERSION RENDER LABEL     every manifest of a `helm template` output validates
                                        against Kubernetes' OpenAPI schema of that version
                                        (kubernetes-validate, strict: unknown fields fail).
  assert PROFILE RENDER LABEL           what the chart promises, on the rendered manifests
                                        (profile "default" or "full", see PROFILES below).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import yaml


# ---------------------------------------------------------------------------------------------
# Output


def report(ok: bool, name: str, details: list[str] | None = None) -> None:
    print(("PASS  " if ok else "FAIL  ") + name)
    if not ok:
        for line in details or []:
            for sub in str(line).splitlines() or [""]:
                print("      | " + sub)
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
# YAML loading: duplicate keys are an error (PyYAML would silently keep the last one, while
# the API server rejects or warns about them).


class StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    seen: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"found duplicate key {key!r}", key_node.start_mark)
        seen[key] = loader.construct_object(value_node, deep=deep)
    return seen


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_docs(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        docs = [d for d in yaml.load_all(f, Loader=StrictLoader) if d is not None]
    for d in docs:
        if not isinstance(d, dict):
            raise ValueError(f"a rendered document is not a mapping: {d!r:.80}")
    return docs


def ident(doc: dict) -> str:
    return f"{doc.get('kind', '?')}/{(doc.get('metadata') or {}).get('name', '?')}"


# ---------------------------------------------------------------------------------------------
# schema


def cmd_schema(chart_dir: str, values_files: list[str]) -> None:
    import jsonschema

    schema_path = Path(chart_dir) / "values.schema.json"
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        declared = schema.get("$schema", "")
        if "draft-07" not in declared:
            raise ValueError(f'"$schema" is {declared!r}, expected the draft-07 URI')
        report(True, "values.schema.json is a valid JSON Schema draft-07 document")
    except Exception as e:  # noqa: BLE001 - any failure is the check's failure
        report(False, "values.schema.json is a valid JSON Schema draft-07 document", [str(e)])
        return

    validator = jsonschema.Draft7Validator(schema)
    for vf in [str(Path(chart_dir) / "values.yaml"), *values_files]:
        name = f"jsonschema accepts {vf}"
        try:
            with open(vf, encoding="utf-8") as f:
                values = yaml.load(f, Loader=StrictLoader) or {}
            if not vf.endswith("values.yaml") or Path(vf).parent != Path(chart_dir):
                # An override file is merged over the defaults by Helm; validate the merge.
                with open(Path(chart_dir) / "values.yaml", encoding="utf-8") as f:
                    values = deep_merge(yaml.load(f, Loader=StrictLoader) or {}, values)
            errors = sorted(validator.iter_errors(values), key=lambda e: list(e.path))
            report(not errors, name,
                   [f"{'.'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors])
        except Exception as e:  # noqa: BLE001
            report(False, name, [str(e)])


def deep_merge(base: Any, override: Any) -> Any:
    """Helm's merge of a values file over the defaults: maps merge, null deletes, rest replaces."""
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for k, v in override.items():
            if v is None:
                out.pop(k, None)
            else:
                out[k] = deep_merge(base.get(k), v)
        return out
    return override


# ---------------------------------------------------------------------------------------------
# validate (kubernetes-validate)


def cmd_validate(k8s_version: str, render: str, label: str) -> None:
    import kubernetes_validate

    try:
        docs = load_docs(render)
    except Exception as e:  # noqa: BLE001
        report(False, f"{label}: rendered YAML parses (no duplicate keys)", [str(e)])
        return
    if not docs:
        report(False, f"{label}: render has manifests", ["no documents"])
        return
    for doc in docs:
        name = f"k8s {k8s_version} strict: {label} {ident(doc)}"
        try:
            kubernetes_validate.validate(doc, k8s_version, strict=True)
            report(True, name)
        except kubernetes_validate.ValidationError as e:
            path = ".".join(str(p) for p in e.path) or "(root)"
            report(False, name, [f"{path}: {e.message}"])
        except Exception as e:  # noqa: BLE001 - e.g. no schema for the kind/apiVersion
            report(False, name, [getattr(e, "message", None) or repr(e)])


# ---------------------------------------------------------------------------------------------
# assert

# What each values profile must render (validate.sh renders them with these release names).
PROFILES: dict[str, dict[str, Any]] = {
    "default": {
        "release": "silkport",
        "namespace": "silkport-test",
        "counts": {"ConfigMap": 1, "Service": 1, "Deployment": 2, "HorizontalPodAutoscaler": 1,
                   "Job": 1, "Ingress": 0, "PodDisruptionBudget": 0, "ServiceAccount": 0,
                   "Secret": 0},
        "hpa_for": {"api"},
        "replicas": {"worker": 1},
        "service_port": 8080,
        "api_memory_limit": "256Mi",
        "service_account": "default",
        "migration_service_account": "default",
        "public_url": None,
        "redis": True,
        "smtp": True,
        "migration_url": True,
    },
    "full": {
        "release": "acme",
        "namespace": "shop",
        "counts": {"ConfigMap": 1, "Service": 1, "Deployment": 2, "HorizontalPodAutoscaler": 2,
                   "Job": 1, "Ingress": 1, "PodDisruptionBudget": 2, "ServiceAccount": 1,
                   "Secret": 0},
        "hpa_for": {"api", "worker"},
        "replicas": {},
        "service_port": 80,
        "api_memory_limit": "256Mi",
        "service_account": "acme-silkport",
        "migration_service_account": "silkport-migrator",
        "public_url": "https://silkport.example.com",
        "redis": True,
        "smtp": True,
        "migration_url": True,
        "common_label": ("team", "platform"),
    },
    # Optional integrations switched off (redis/smtp/migration secrets ""), one replica, no HPA.
    "minimal": {
        "release": "solo",
        "namespace": "silkport-test",
        "counts": {"ConfigMap": 1, "Service": 1, "Deployment": 2, "HorizontalPodAutoscaler": 0,
                   "Job": 0, "Ingress": 0, "PodDisruptionBudget": 0, "ServiceAccount": 0,
                   "Secret": 0},
        "hpa_for": set(),
        "replicas": {"api": 1, "worker": 1},
        "service_port": 8080,
        "api_memory_limit": "256Mi",
        "service_account": "default",
        "migration_service_account": None,
        "public_url": None,
        "redis": False,
        "smtp": False,
        "migration_url": False,
    },
}

STANDARD_LABELS = ["helm.sh/chart", "app.kubernetes.io/name", "app.kubernetes.io/instance",
                   "app.kubernetes.io/version", "app.kubernetes.io/managed-by",
                   "app.kubernetes.io/part-of"]
SECRET_VARS = ["DATABASE_URL", "DATABASE_MIGRATION_URL", "REDIS_URL", "SMTP_URL"]


class Checks:
    def __init__(self, label: str) -> None:
        self.label = label

    def run(self, name: str, fn: Callable[[list[str]], None]) -> None:
        problems: list[str] = []
        try:
            fn(problems)
        except Exception as e:  # noqa: BLE001 - a crash in a check is that check's failure
            problems.append(f"check crashed: {e!r}")
        report(not problems, f"{self.label}: {name}", problems)


def expect(problems: list[str], cond: bool, message: str) -> None:
    if not cond:
        problems.append(message)


def labels_match(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


def env_by_name(container: dict) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env") or []}


def check_pod_security(problems: list[str], where: str, pod: dict) -> None:
    psc = pod.get("securityContext") or {}
    expect(problems, psc.get("runAsNonRoot") is True, f"{where}: pod runAsNonRoot is not true")
    expect(problems, psc.get("runAsUser") not in (None, 0), f"{where}: pod runAsUser is unset or 0")
    expect(problems, (psc.get("seccompProfile") or {}).get("type") == "RuntimeDefault",
           f"{where}: pod seccompProfile is not RuntimeDefault")
    expect(problems, pod.get("automountServiceAccountToken") is False,
           f"{where}: automountServiceAccountToken is not false")
    expect(problems, pod.get("enableServiceLinks") is False,
           f"{where}: enableServiceLinks is not false (Service env vars would collide with SILKPORT_*)")
    for c in pod.get("containers") or []:
        sc = c.get("securityContext") or {}
        cw = f"{where} container {c.get('name')}"
        expect(problems, sc.get("runAsNonRoot") is True, f"{cw}: runAsNonRoot is not true")
        expect(problems, sc.get("readOnlyRootFilesystem") is True, f"{cw}: readOnlyRootFilesystem is not true")
        expect(problems, sc.get("allowPrivilegeEscalation") is False, f"{cw}: allowPrivilegeEscalation is not false")
        expect(problems, "ALL" in ((sc.get("capabilities") or {}).get("drop") or []),
               f"{cw}: capabilities.drop lacks ALL")
        expect(problems, not (sc.get("capabilities") or {}).get("add"), f"{cw}: adds capabilities")
        res = c.get("resources") or {}
        for kind in ("requests", "limits"):
            for r in ("cpu", "memory"):
                expect(problems, r in (res.get(kind) or {}), f"{cw}: resources.{kind}.{r} is missing")
        mounts = {m["mountPath"]: m for m in c.get("volumeMounts") or []}
        expect(problems, "/tmp" in mounts, f"{cw}: /tmp is not a writable volume (read-only root fs)")


def cmd_assert(profile_name: str, render: str, label: str) -> None:
    p = PROFILES[profile_name]
    ck = Checks(label)
    try:
        docs = load_docs(render)
    except Exception as e:  # noqa: BLE001
        report(False, f"{label}: rendered YAML parses", [str(e)])
        return

    by_kind: dict[str, list[dict]] = {}
    for d in docs:
        by_kind.setdefault(d.get("kind", "?"), []).append(d)

    def one(kind: str, component: str | None = None) -> dict:
        found = [d for d in by_kind.get(kind, [])
                 if component is None
                 or d["metadata"].get("labels", {}).get("app.kubernetes.io/component") == component]
        if len(found) != 1:
            raise AssertionError(f"expected one {kind}{' for ' + component if component else ''}, found {len(found)}")
        return found[0]

    def counts(problems: list[str]) -> None:
        for kind, n in p["counts"].items():
            got = len(by_kind.get(kind, []))
            expect(problems, got == n, f"{kind}: expected {n}, rendered {got}")
        seen: set[str] = set()
        for d in docs:
            expect(problems, ident(d) not in seen, f"duplicate resource {ident(d)}")
            seen.add(ident(d))
    ck.run("resources rendered: " + ", ".join(f"{k} x{v}" for k, v in p["counts"].items() if v), counts)

    def labels(problems: list[str]) -> None:
        for d in docs:
            md = d.get("metadata") or {}
            lab = md.get("labels") or {}
            for key in STANDARD_LABELS:
                expect(problems, key in lab, f"{ident(d)}: label {key} missing")
            expect(problems, lab.get("app.kubernetes.io/instance") == p["release"],
                   f"{ident(d)}: instance label is {lab.get('app.kubernetes.io/instance')!r}")
            expect(problems, md.get("namespace") == p["namespace"],
                   f"{ident(d)}: namespace is {md.get('namespace')!r}, expected {p['namespace']!r}")
            if "common_label" in p:
                k, v = p["common_label"]
                expect(problems, lab.get(k) == v, f"{ident(d)}: commonLabels {k}={v} missing")
    ck.run("standard labels and release namespace on every resource", labels)

    ck.run("no Secret is rendered (secrets are referenced, never created)",
           lambda pr: expect(pr, not by_kind.get("Secret"), "the chart renders a Secret"))

    cm: dict = {}
    try:
        cm = one("ConfigMap")
    except AssertionError:
        pass
    cm_data: dict = cm.get("data") or {}

    def configmap(problems: list[str]) -> None:
        one("ConfigMap")
        expect(problems, cm_data.get("SILKPORT_BIND") == "0.0.0.0:8080",
               f"SILKPORT_BIND is {cm_data.get('SILKPORT_BIND')!r}")
        for key in ("SILKPORT_SIGNING_KEYS_DIR", "SILKPORT_DATA_DIR", "RUST_LOG", "SILKPORT_LOG",
                    "SILKPORT_WORKER_CONCURRENCY"):
            expect(problems, key in cm_data, f"{key} missing")
        # The portal is inside the binary; a folder setting would replace it.
        expect(problems, "SILKPORT_WEB_DIR" not in cm_data, "SILKPORT_WEB_DIR set: the image has no portal folder")
        for key, value in cm_data.items():
            expect(problems, isinstance(value, str), f"{key} is not a string: {value!r}")
        for key in SECRET_VARS:
            expect(problems, key not in cm_data, f"secret setting {key} is in the ConfigMap")
        expect(problems, cm_data.get("SILKPORT_PUBLIC_URL") == p["public_url"],
               f"SILKPORT_PUBLIC_URL is {cm_data.get('SILKPORT_PUBLIC_URL')!r}, expected {p['public_url']!r}")
    ck.run("ConfigMap holds the non-secret settings only", configmap)

    def deployment_checks(component: str, args: list[str]) -> None:
        def fn(problems: list[str]) -> None:
            dep = one("Deployment", component)
            spec = dep["spec"]
            tmpl = spec["template"]
            pod = tmpl["spec"]
            where = ident(dep)
            sel = spec["selector"]["matchLabels"]
            expect(problems, sel.get("app.kubernetes.io/component") == component,
                   f"{where}: selector lacks component={component}")
            expect(problems, labels_match(sel, tmpl["metadata"]["labels"]),
                   f"{where}: selector does not match its pod labels")
            if component in p["hpa_for"]:
                expect(problems, "replicas" not in spec,
                       f"{where}: sets replicas although an HPA owns the count")
            else:
                expect(problems, spec.get("replicas") == p["replicas"][component],
                       f"{where}: replicas {spec.get('replicas')!r}, expected {p['replicas'][component]}")
            containers = pod["containers"]
            expect(problems, len(containers) == 1, f"{where}: {len(containers)} containers")
            c = containers[0]
            expect(problems, c.get("args", [])[:len(args)] == args,
                   f"{where}: args {c.get('args')!r} do not start with {args!r}")
            expect(problems, not c.get("command"), f"{where}: overrides the image entrypoint")
            ports = {pt.get("name"): pt.get("containerPort") for pt in c.get("ports") or []}
            expect(problems, ports.get("http") == 8080, f"{where}: no port http=8080 ({ports})")
            for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz"),
                                ("startupProbe", "/healthz")):
                get = (c.get(probe) or {}).get("httpGet") or {}
                expect(problems, get.get("path") == path and get.get("port") in ("http", 8080),
                       f"{where}: {probe} is not GET {path} on port http ({get})")
            check_pod_security(problems, where, pod)
            ann = tmpl["metadata"].get("annotations") or {}
            expect(problems, ann.get("prometheus.io/scrape") == "true"
                   and ann.get("prometheus.io/port") == "8080"
                   and ann.get("prometheus.io/path") == "/metrics",
                   f"{where}: prometheus scrape annotations missing or wrong")
            expect(problems, "checksum/config" in ann,
                   f"{where}: no checksum/config annotation (ConfigMap changes would not roll pods)")
            expect(problems, pod.get("serviceAccountName") == p["service_account"],
                   f"{where}: serviceAccountName {pod.get('serviceAccountName')!r}, expected {p['service_account']!r}")
            # configuration
            refs = [e.get("configMapRef", {}).get("name") for e in c.get("envFrom") or []]
            expect(problems, cm.get("metadata", {}).get("name") in refs,
                   f"{where}: envFrom does not reference the ConfigMap ({refs})")
            env = env_by_name(c)
            wanted = {"DATABASE_URL": True, "REDIS_URL": p["redis"], "SMTP_URL": p["smtp"],
                      "DATABASE_MIGRATION_URL": False}
            for var, present in wanted.items():
                if present:
                    ref = ((env.get(var) or {}).get("valueFrom") or {}).get("secretKeyRef")
                    expect(problems, bool(ref and ref.get("name") and ref.get("key")),
                           f"{where}: {var} is not read from a Secret")
                else:
                    expect(problems, var not in env, f"{where}: {var} must not be set here")
            for var in SECRET_VARS:
                expect(problems, "value" not in (env.get(var) or {}), f"{where}: {var} has a literal value")
            # volumes
            vols = {v["name"]: v for v in pod.get("volumes") or []}
            mounts = {m["mountPath"]: m for m in c.get("volumeMounts") or []}
            keys_dir = cm_data.get("SILKPORT_SIGNING_KEYS_DIR")
            m = mounts.get(keys_dir)
            expect(problems, m is not None and m.get("readOnly") is True,
                   f"{where}: nothing mounted read-only at SILKPORT_SIGNING_KEYS_DIR={keys_dir!r}")
            if m is not None:
                secret = (vols.get(m["name"]) or {}).get("secret") or {}
                expect(problems, bool(secret.get("secretName")),
                       f"{where}: the signing keys volume is not a Secret")
                mode = secret.get("defaultMode")
                expect(problems, mode is not None and mode & 0o007 == 0,
                       f"{where}: signing keys are readable by others (defaultMode {mode!r})")
            data_dir = cm_data.get("SILKPORT_DATA_DIR")
            dm = mounts.get(data_dir)
            expect(problems, dm is not None and "emptyDir" in (vols.get(dm["name"]) or {}),
                   f"{where}: SILKPORT_DATA_DIR={data_dir!r} is not a writable emptyDir")
            if component == "api":
                limit = ((c.get("resources") or {}).get("limits") or {}).get("memory")
                expect(problems, limit == p["api_memory_limit"],
                       f"{where}: memory limit {limit!r}, expected {p['api_memory_limit']!r}")
        ck.run(f"{component} Deployment runs `{' '.join(args)}` with probes, limits and hardening", fn)

    deployment_checks("api", ["serve", "--no-workers"])
    deployment_checks("worker", ["work"])

    def service(problems: list[str]) -> None:
        svc = one("Service")
        api = one("Deployment", "api")
        worker = one("Deployment", "worker")
        ports = svc["spec"]["ports"]
        expect(problems, len(ports) == 1 and ports[0].get("port") == p["service_port"]
               and ports[0].get("targetPort") in ("http", 8080) and ports[0].get("name") == "http",
               f"ports {ports}")
        sel = svc["spec"]["selector"]
        expect(problems, labels_match(sel, api["spec"]["template"]["metadata"]["labels"]),
               "selector does not match the API pods")
        expect(problems, not labels_match(sel, worker["spec"]["template"]["metadata"]["labels"]),
               "selector also matches the worker pods")
    ck.run("Service sends port http (8080 in the pod) to API pods only", service)

    def hpas(problems: list[str]) -> None:
        deployments = {d["metadata"]["name"]: d for d in by_kind.get("Deployment", [])}
        targets = set()
        for h in by_kind.get("HorizontalPodAutoscaler", []):
            expect(problems, h["apiVersion"] == "autoscaling/v2", f"{ident(h)}: {h['apiVersion']}")
            ref = h["spec"]["scaleTargetRef"]
            dep = deployments.get(ref.get("name"))
            expect(problems, ref.get("kind") == "Deployment" and dep is not None,
                   f"{ident(h)}: scaleTargetRef {ref} is not a rendered Deployment")
            if dep is not None:
                targets.add(dep["metadata"]["labels"]["app.kubernetes.io/component"])
            expect(problems, 1 <= h["spec"].get("minReplicas", 1) <= h["spec"]["maxReplicas"],
                   f"{ident(h)}: minReplicas/maxReplicas out of order")
            expect(problems, bool(h["spec"].get("metrics")), f"{ident(h)}: no metrics")
        expect(problems, targets == p["hpa_for"], f"HPAs target {sorted(targets)}, expected {sorted(p['hpa_for'])}")
    ck.run("HPAs (autoscaling/v2) target the right Deployments: " + (", ".join(sorted(p["hpa_for"])) or "none"), hpas)

    if p["counts"]["Job"]:
        def job(problems: list[str]) -> None:
            j = one("Job")
            ann = j["metadata"].get("annotations") or {}
            expect(problems, set(ann.get("helm.sh/hook", "").split(",")) == {"pre-install", "pre-upgrade"},
                   f"helm.sh/hook is {ann.get('helm.sh/hook')!r}")
            expect(problems, set(ann.get("helm.sh/hook-delete-policy", "").split(","))
                   == {"before-hook-creation", "hook-succeeded"},
                   f"helm.sh/hook-delete-policy is {ann.get('helm.sh/hook-delete-policy')!r}")
            pod = j["spec"]["template"]["spec"]
            expect(problems, pod.get("restartPolicy") == "Never", f"restartPolicy {pod.get('restartPolicy')!r}")
            c = pod["containers"][0]
            expect(problems, c.get("args") == ["migrate", "up"], f"args {c.get('args')!r}")
            env = env_by_name(c)
            for var in ["DATABASE_URL"] + (["DATABASE_MIGRATION_URL"] if p["migration_url"] else []):
                ref = ((env.get(var) or {}).get("valueFrom") or {}).get("secretKeyRef")
                expect(problems, bool(ref and ref.get("name") and ref.get("key")), f"{var} is not read from a Secret")
            expect(problems, not c.get("envFrom"),
                   "uses envFrom, but a pre-install hook runs before the release's ConfigMap exists")
            sa = pod.get("serviceAccountName")
            expect(problems, sa == p["migration_service_account"],
                   f"serviceAccountName {sa!r}, expected {p['migration_service_account']!r}")
            created = [d["metadata"]["name"] for d in by_kind.get("ServiceAccount", [])]
            expect(problems, sa not in created,
                   f"uses the chart-created ServiceAccount {sa!r}, which does not exist yet at pre-install")
            check_pod_security(problems, ident(j), pod)
        ck.run("migration Job: `migrate up` as a pre-install,pre-upgrade hook with the owner URL", job)

    if p["counts"]["Ingress"]:
        def ingress(problems: list[str]) -> None:
            ing = one("Ingress")
            svc = one("Service")
            for rule in ing["spec"]["rules"]:
                for path in rule["http"]["paths"]:
                    be = path["backend"]["service"]
                    expect(problems, be["name"] == svc["metadata"]["name"],
                           f"{rule['host']}{path['path']}: backend {be['name']} is not the Service")
                    port = be.get("port") or {}
                    expect(problems, port.get("name") == "http" or port.get("number") == p["service_port"],
                           f"{rule['host']}{path['path']}: backend port {port}")
            tls_hosts = {h for t in ing["spec"].get("tls") or [] for h in t.get("hosts") or []}
            expect(problems, all(r["host"] in tls_hosts for r in ing["spec"]["rules"]),
                   "a host of the rules has no TLS entry")
        ck.run("Ingress routes every host and path to the Service", ingress)

    if p["counts"]["PodDisruptionBudget"]:
        def pdbs(problems: list[str]) -> None:
            for component in ("api", "worker"):
                pdb = one("PodDisruptionBudget", component)
                dep = one("Deployment", component)
                sel = pdb["spec"]["selector"]["matchLabels"]
                expect(problems, sel == dep["spec"]["selector"]["matchLabels"],
                       f"{ident(pdb)}: selector {sel} differs from the {component} Deployment's")
                expect(problems, ("minAvailable" in pdb["spec"]) != ("maxUnavailable" in pdb["spec"]),
                       f"{ident(pdb)}: needs exactly one of minAvailable/maxUnavailable")
        ck.run("PodDisruptionBudgets (policy/v1) select the api and worker pods", pdbs)

    if p["counts"]["ServiceAccount"]:
        def sa(problems: list[str]) -> None:
            acc = one("ServiceAccount")
            expect(problems, acc["metadata"]["name"] == p["service_account"],
                   f"ServiceAccount is {acc['metadata']['name']!r}")
            expect(problems, acc.get("automountServiceAccountToken") is False, "token automount is on")
        ck.run("ServiceAccount is created and used by both Deployments", sa)


# ---------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[1] == "schema":
        cmd_schema(argv[2], argv[3:])
    elif len(argv) == 5 and argv[1] == "validate":
        cmd_validate(argv[2], argv[3], argv[4])
    elif len(argv) == 5 and argv[1] == "assert" and argv[2] in PROFILES:
        cmd_assert(argv[2], argv[3], argv[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
